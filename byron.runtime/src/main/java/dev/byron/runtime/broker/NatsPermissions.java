package dev.byron.runtime.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.byron.runtime.descriptor.ComponentDescriptor;

/**
 * What one component may do on the broker, as NATS subject permissions: publish its own events, dead letters and
 * unique claims, and records in the system's bucket of requests sent with an Idempotency-Key; use the JetStream API on
 * its own streams and bucket (on the requests' bucket: make it and read it); read (through consumers of its own) the
 * streams of the components it replicates or reacts to; receive replies on its own inbox prefix only. It can neither
 * write another component's events nor read a stream it does not source. The local run's nats-server and the
 * generated NATS configuration both take their users from here.
 */
public record NatsPermissions(String user, List<String> publish, List<String> subscribe) {
	public NatsPermissions {
		publish = List.copyOf(publish);
		subscribe = List.copyOf(subscribe);
	}

	/** The prefix of the inboxes a component's connection takes replies on (its user may subscribe to no other). */
	public static String inboxPrefix(String component) {
		return "_INBOX_" + component;
	}

	public static NatsPermissions of(Names names, ComponentDescriptor component) {
		String c = component.name();
		String stream = names.stream(c);
		String deadLetters = names.deadLetterStream(c);
		List<String> publish = new ArrayList<>(List.of(names.streamSubjects(c), names.deadLetterSubjects(c),
				"$KV." + names.uniqueBucket(c) + ".>", "$KV." + names.idempotencyBucket() + ".>", "$JS.API.INFO",
				names.appliedSubject(c)));
		// the system's bucket of keyed requests, which every component shares: made, read and written, never removed
		String requests = "KV_" + names.idempotencyBucket();
		publish.addAll(List.of("$JS.API.STREAM.INFO." + requests, "$JS.API.STREAM.CREATE." + requests,
				"$JS.API.STREAM.MSG.GET." + requests, "$JS.API.DIRECT.GET." + requests, "$JS.API.DIRECT.GET." + requests + ".>"));
		for (String own : List.of(stream, deadLetters, "KV_" + names.uniqueBucket(c))) {
			publish.add("$JS.API.STREAM.*." + own);
			publish.add("$JS.API.STREAM.MSG.*." + own);
			publish.add("$JS.API.DIRECT.GET." + own);
			publish.add("$JS.API.DIRECT.GET." + own + ".>");
			consumerSubjects(own, publish);
		}
		for (String source : component.sources()) {
			String sourceStream = names.stream(source);
			if (!sourceStream.equals(stream)) {
				publish.add("$JS.API.STREAM.INFO." + sourceStream);
				publish.add("$JS.API.STREAM.CREATE." + sourceStream); // a Sink may start before its source
				consumerSubjects(sourceStream, publish);
			}
		}
		return new NatsPermissions(c, publish, List.of(inboxPrefix(c) + ".>", names.appliedSubject(c)));
	}

	private static void consumerSubjects(String stream, List<String> publish) {
		publish.add("$JS.API.CONSUMER.*." + stream);
		publish.add("$JS.API.CONSUMER.*." + stream + ".>");
		publish.add("$JS.API.CONSUMER.DURABLE.CREATE." + stream + ".>");
		publish.add("$JS.API.CONSUMER.MSG.NEXT." + stream + ".>");
		publish.add("$JS.ACK." + stream + ".>");
	}

	/** This user in nats-server's configuration format, its password given as written there (a value or {@code $VAR}). */
	public String toConf(String password) {
		return "{ user: \"" + user + "\", password: " + password + ", permissions: { publish: { allow: " + list(publish)
				+ " }, subscribe: { allow: " + list(subscribe) + " } } }";
	}

	private static String list(List<String> subjects) {
		return subjects.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[", "]"));
	}
}
