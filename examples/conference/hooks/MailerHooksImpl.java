import byron.conference.mailer.Announcement;
import byron.conference.mailer.MailerHooks;
import byron.conference.mailer.MailerStore;
import byron.conference.program.TalkFull;
import dev.byron.runtime.spi.EventHookContext;

/** Tells everyone when a talk is full. */
public class MailerHooksImpl implements MailerHooks {
	@Override
	public void announceFull(TalkFull full, EventHookContext context) {
		// a redelivered TalkFull creates nothing twice: creates in a reaction get ids derived from the event
		MailerStore.of(context).announcements().create(new Announcement(null, full.talk(), "'" + full.title() + "' is full."));
	}
}
