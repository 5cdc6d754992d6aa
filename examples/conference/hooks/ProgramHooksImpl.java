import byron.conference.program.ProgramHooks;
import byron.conference.program.Registration;
import byron.conference.program.Talk;
import byron.conference.program.TalkFull;
import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.spi.CommandHookContext;

/** The seat rule, on the typed records Byron generates from the model. */
public class ProgramHooksImpl implements ProgramHooks {
	/**
	 * Written as if it ran alone: Byron runs this command again, on the new state, if another registration
	 * committed after these reads, so the count is exact however many registrations race.
	 */
	@Override
	public Registration checkCapacity(Registration registration, CommandHookContext context) {
		Talk talk = context.component().find("Talk", registration.talk()).map(Talk::fromMap)
				.orElseThrow(() -> ByronException.validation("talk", "There is no talk " + registration.talk() + "."));
		int taken = context.component().where("Registration", "talk", talk.id()).size();
		if (taken >= talk.capacity()) {
			throw new ByronException(ErrorCode.CONFLICT, "'" + talk.title() + "' is full (" + talk.capacity() + " seats).");
		}
		if (taken + 1 == talk.capacity()) {
			// appended together with this registration: once if it commits, never if it does not
			context.component().publish("TalkFull", new TalkFull(talk.id(), talk.title()).toMap());
		}
		return registration;
	}
}
