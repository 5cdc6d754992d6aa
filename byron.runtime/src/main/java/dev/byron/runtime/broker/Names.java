package dev.byron.runtime.broker;

/**
 * How a system's streams, subjects, consumers and buckets are named. One stream per component holds all
 * its events: {@code byron.<system>.<component>.entity.<Entity>.<id>} for CRUD events (the subject that
 * serializes writes to one entity) and {@code byron.<system>.<component>.domain.<Event>} for declared ones.
 */
public record Names(String system) {

	public String stream(String component) {
		return "byron-" + system + "-" + component;
	}

	public String streamSubjects(String component) {
		return "byron." + system + "." + component + ".>";
	}

	public String entitySubject(String component, String entity, String id) {
		return "byron." + system + "." + component + ".entity." + entity + "." + id;
	}

	public String domainSubject(String component, String event) {
		return "byron." + system + "." + component + ".domain." + event;
	}

	/** Where a component's Sinks tell its API instances what they applied (plain NATS, outside every stream). */
	public String appliedSubject(String component) {
		return "byron-applied." + system + "." + component;
	}

	public String deadLetterStream(String component) {
		return "byron-" + system + "-" + component + "-dlq";
	}

	/** Dead letters live outside the component's subject space so that they never mix with its events. */
	public String deadLetterSubject(String component, String source) {
		return "byron-dlq." + system + "." + component + "." + source;
	}

	public String deadLetterSubjects(String component) {
		return "byron-dlq." + system + "." + component + ".>";
	}

	public String consumer(String component, String source) {
		return "byron-" + component + "-from-" + source;
	}

	public String uniqueBucket(String component) {
		return "byron-" + system + "-" + component + "-unique";
	}

	/**
	 * The requests sent with an Idempotency-Key to the system, and the ids their commands use: one bucket for every
	 * component, so that a key is one request whichever components its mutations go to.
	 */
	public String idempotencyBucket() {
		return "byron-" + system + "-requests";
	}

	public String eventSource(String component) {
		return "/byron/" + system + "/" + component;
	}

	public String database(String component) {
		return "byron_" + system + "_" + component;
	}
}
