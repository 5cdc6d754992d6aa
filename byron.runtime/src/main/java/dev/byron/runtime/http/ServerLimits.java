package dev.byron.runtime.http;

import java.time.Duration;

/**
 * What one client may take of an HTTP server: a connection that sends nothing for {@code idleTimeout} is closed (a
 * request whose headers or body stall included); a request body must arrive whole within {@code bodyDeadline} (one
 * that drips in is answered 408) and be at most {@code maxBodyBytes} (413); at most {@code maxConnections} are open
 * (past that, idle ones are closed sooner); request headers of at most {@code maxHeaderBytes}; handlers run on at
 * most {@code maxThreads}. A body is read without holding a thread, so stalled bodies cannot starve the handlers.
 */
public record ServerLimits(Duration idleTimeout, Duration bodyDeadline, int maxBodyBytes, int maxConnections, int maxHeaderBytes,
		int maxThreads) {
	public static final ServerLimits DEFAULT = new ServerLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), 1 << 20, 4096,
			16 * 1024, 200);

	public ServerLimits {
		if (idleTimeout.isNegative() || idleTimeout.isZero() || bodyDeadline.isNegative() || bodyDeadline.isZero() || maxBodyBytes < 1
				|| maxConnections < 1 || maxHeaderBytes < 1024 || maxThreads < 8) {
			throw new IllegalArgumentException("Server limits must be positive (at least 1 KB of headers and 8 threads): " + idleTimeout
					+ ", " + bodyDeadline + ", " + maxBodyBytes + ", " + maxConnections + ", " + maxHeaderBytes + ", " + maxThreads);
		}
	}
}
