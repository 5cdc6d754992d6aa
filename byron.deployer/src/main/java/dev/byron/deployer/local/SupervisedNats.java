package dev.byron.deployer.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The local run's nats-server, started again on the same port and store when it dies: clients reconnect to
 * the same URL, and nothing acknowledged is lost (JetStream's store is on disk). {@link #ready()} is false
 * from the moment it dies until the new one listens.
 */
final class SupervisedNats implements AutoCloseable {
	private final Path binary;
	private final Path store;
	private final Path config;
	private final Consumer<String> log;
	private final RunLock lock;
	private volatile NatsProcess current;
	private volatile boolean closing;
	private volatile boolean ready;
	private final int port;

	SupervisedNats(Path binary, Path store, Path config, RunLock lock, Consumer<String> log) throws IOException, InterruptedException {
		this.binary = binary;
		this.store = store;
		this.config = config;
		this.lock = lock;
		this.log = log;
		this.current = NatsProcess.start(binary, store, NatsProcess.freePort(), config);
		this.port = current.port();
		started(current);
	}

	private void started(NatsProcess nats) throws IOException {
		lock.natsStarted(nats.pid());
		ready = true;
		nats.onExit().thenRun(() -> restart(nats));
	}

	private void restart(NatsProcess ended) {
		if (closing || ended != current) {
			return;
		}
		ready = false;
		log.accept("byron: nats-server stopped unexpectedly (see " + store.resolve("nats-server.log") + "); starting it again");
		for (int attempt = 1; !closing; attempt++) {
			try {
				NatsProcess again = NatsProcess.start(binary, store, port, config);
				synchronized (this) {
					if (closing) { // the run stopped while this one started: it must not outlive the run
						again.close();
						return;
					}
					current = again;
					started(again);
				}
				log.accept("byron: nats-server is back on port " + port);
				return;
			} catch (IOException e) {
				log.accept("byron: nats-server did not start (" + e.getMessage() + "); trying again");
				sleep(Math.min(5_000, 500L * attempt));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	String url() {
		return current.url();
	}

	long pid() {
		return current.pid();
	}

	boolean ready() {
		return ready;
	}

	@Override
	public synchronized void close() throws InterruptedException {
		closing = true;
		current.close();
	}
}
