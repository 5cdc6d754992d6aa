import byron.conference.program.ProgramHooks;
import byron.conference.program.ProgramStore;
import byron.conference.program.Registration;
import byron.conference.program.Talk;
import byron.conference.program.TalkFull;
import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.spi.CommandHookContext;

/** The seat rule, on the typed records and store Byron generates from the model. */
public class ProgramHooksImpl implements ProgramHooks {
	/**
	 * Written as if it ran alone: Byron runs this command again, on the new state, if another registration for
	 * the same talk committed after these reads, so the count is exact however many registrations race.
	 */
	@Override
	public Registration checkCapacity(Registration registration, CommandHookContext context) {
		ProgramStore store = ProgramStore.of(context);
		Talk talk = store.talks().find(registration.talk())
				.orElseThrow(() -> ByronException.validation("talk", "There is no talk " + registration.talk() + "."));
		long taken = store.registrations().count(Registration.TALK, talk.id());
		if (taken >= talk.capacity()) {
			throw new ByronException(ErrorCode.CONFLICT, "'" + talk.title() + "' is full (" + talk.capacity() + " seats).");
		}
		if (taken + 1 == talk.capacity()) {
			store.publish(new TalkFull(talk.id(), talk.title())); // appended with this registration, never without it
		}
		return registration;
	}
}
