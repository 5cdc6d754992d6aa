package dev.byron.runtime.sink;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.EventCodec;
import dev.byron.runtime.event.MalformedEventException;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;

/**
 * Before a Sink takes new events of a source, the Cache writes of the events it acknowledged already are made
 * again, from a little before the newest event the Cache holds up to the consumer's acknowledged floor. The embedded
 * store of {@code byron run} commits to its file about once a second: a process killed loses the writes since, while
 * the broker keeps their acknowledgements, so nothing would deliver those events again. Writes are idempotent (by
 * stream sequence); reactions and follow-ups are not run again, their effects being on the broker already. A Cache
 * that lost everything (its file deleted) is rebuilt from the start of the stream.
 */
final class CatchUp {
	private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);
	/**
	 * How far before the newest event the Cache holds the writes are made again. An event written after the store's
	 * last commit has a higher sequence, or is one delivered again after a failure, which is within the messages in
	 * flight at the time; this many covers both with room.
	 */
	static final long MARGIN = 10_000;
	private static final int ROUND = 256;

	private final Broker broker;
	private final String component;
	private final String source;
	private final EventHandler handler;

	CatchUp(Broker broker, String component, String source, EventHandler handler) {
		this.broker = broker;
		this.component = component;
		this.source = source;
		this.handler = handler;
	}

	/** Writes again what the Cache may lack of the events up to {@code acknowledged}; how many events it read. */
	long run(long acknowledged) throws IOException, JetStreamApiException, InterruptedException {
		if (acknowledged <= 0 || !handler.writesFrom(source)) {
			return 0;
		}
		long held = handler.newestSequenceFrom(source);
		long from = Math.max(1, held - MARGIN);
		if (from > acknowledged) {
			return 0;
		}
		ConsumerConfiguration reread = ConsumerConfiguration.builder().ackPolicy(AckPolicy.None)
				.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(from)
				.filterSubject(broker.names().streamSubjects(source)).inactiveThreshold(Duration.ofMinutes(1)).build();
		JetStreamSubscription subscription = broker.jetStream().subscribe(broker.names().streamSubjects(source),
				PullSubscribeOptions.builder().stream(broker.names().stream(source)).configuration(reread).build());
		long read = 0;
		try {
			long at = from - 1;
			while (at < acknowledged) {
				List<Message> messages = subscription.fetch(ROUND, Duration.ofSeconds(2));
				if (messages.isEmpty()) {
					break; // the stream ends before the floor (messages removed by its limits)
				}
				List<Event> events = new ArrayList<>();
				List<Delivery> deliveries = new ArrayList<>();
				for (Message message : messages) {
					at = message.metaData().streamSequence();
					if (at > acknowledged) {
						break; // not acknowledged yet: the Sink's own consumer delivers it
					}
					read++;
					try {
						Event event = EventCodec.decode(message.getData());
						if (handler.fits(event)) {
							events.add(event);
							deliveries.add(Delivery.of(at));
						}
					} catch (MalformedEventException | IllegalArgumentException e) {
						// dead-lettered when it was delivered first
					}
				}
				handler.handleWrites(events, deliveries);
			}
		} finally {
			subscription.unsubscribe();
		}
		LOG.info("{} wrote again {} events of {} (#{} to #{}) that its Cache may have lost", component, read, source, from, acknowledged);
		return read;
	}
}
