import java.util.Map;

import byron.conference.mailer.MailerHooks;
import byron.conference.program.TalkFull;
import dev.byron.runtime.spi.EventHookContext;

/** Tells everyone when a talk is full. */
public class MailerHooksImpl implements MailerHooks {
	@Override
	public void announceFull(TalkFull full, EventHookContext context) {
		// a redelivered TalkFull creates nothing twice: creates in a reaction get ids derived from the event
		context.component().create("Announcement", Map.of("talk", full.talk(), "text", "'" + full.title() + "' is full."));
	}
}
