package dev.byron.deployer.local;

/**
 * How {@code byron run} runs a system: the gateway's port, and existing servers to use instead of the
 * embedded ones ({@code null} starts nats-server and an embedded MongoDB under the project's {@code .byron-data/}).
 */
public record LocalOptions(int port, String natsUrl, String mongoUri) {
	public static final int DEFAULT_PORT = 4000;
}
