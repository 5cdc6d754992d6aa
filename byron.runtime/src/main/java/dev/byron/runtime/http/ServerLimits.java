package dev.byron.runtime.http;

import java.time.Duration;

/**
 * What one client may take of an HTTP server: a connection that sends nothing for {@code idleTimeout} is closed (a
 * request whose headers or body stall included); at most {@code maxConnections} are open (past that, idle ones are
 * closed sooner); request headers of at most {@code maxHeaderBytes}; handlers run on at most {@code maxThreads}.
 */
public record ServerLimits(Duration idleTimeout, int maxConnections, int maxHeaderBytes, int maxThreads) {
	public static final ServerLimits DEFAULT = new ServerLimits(Duration.ofSeconds(30), 4096, 16 * 1024, 200);

	public ServerLimits {
		if (idleTimeout.isNegative() || idleTimeout.isZero() || maxConnections < 1 || maxHeaderBytes < 1024 || maxThreads < 8) {
			throw new IllegalArgumentException("Server limits must be positive (at least 1 KB of headers and 8 threads): " + idleTimeout
					+ ", " + maxConnections + ", " + maxHeaderBytes + ", " + maxThreads);
		}
	}
}
