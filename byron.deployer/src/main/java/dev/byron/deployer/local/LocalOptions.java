package dev.byron.deployer.local;

/**
 * How {@code byron run} runs a system: the gateway's port, existing servers to use instead of the embedded ones
 * ({@code null} starts nats-server and an embedded MongoDB under the project's {@code .byron-data/}), how many
 * instances of each component run (each its API and its Sink, as replicas on a cluster), and how many
 * nats-servers form the broker (1, or 3 in a JetStream cluster whose streams keep 3 copies).
 */
public record LocalOptions(int port, String natsUrl, String mongoUri, int replicas, int natsNodes) {
	public static final int DEFAULT_PORT = 4000;
	public static final int MAX_REPLICAS = 8;

	public LocalOptions {
		if (replicas < 1 || replicas > MAX_REPLICAS) {
			throw new IllegalArgumentException("--replicas takes 1 to " + MAX_REPLICAS + " instances per component, not " + replicas + ".");
		}
		if (natsNodes != 1 && natsNodes != 3) {
			throw new IllegalArgumentException("--nats-cluster takes 3 (a JetStream cluster of three nats-servers), not " + natsNodes + ".");
		}
		if (natsNodes > 1 && natsUrl != null) {
			throw new IllegalArgumentException("--nats-cluster starts its own servers; it cannot be used with --nats.");
		}
	}

	public LocalOptions(int port, String natsUrl, String mongoUri) {
		this(port, natsUrl, mongoUri, 1, 1);
	}
}
