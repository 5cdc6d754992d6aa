package dev.byron.deployer.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One of the local run's nats-servers, started again on the same port and store when it dies: clients reconnect
 * to the same URL, and nothing acknowledged is lost (JetStream's store is on disk). {@link #ready()} is false
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
	private final List<String> arguments;
	private final String name;

	SupervisedNats(Path binary, Path store, Path config, RunLock lock, Consumer<String> log) throws IOException, InterruptedException {
		this(binary, store, config, NatsProcess.freePort(), List.of(), "nats-server", lock, log);
	}

	/** A server named {@code name} in logs, on {@code port}, with further command-line {@code arguments} (a cluster's). */
	SupervisedNats(Path binary, Path store, Path config, int port, List<String> arguments, String name, RunLock lock,
			Consumer<String> log) throws IOException, InterruptedException {
		this.binary = binary;
		this.store = store;
		this.config = config;
		this.lock = lock;
		this.log = log;
		this.arguments = List.copyOf(arguments);
		this.name = name;
		this.current = NatsProcess.start(binary, store, port, config, this.arguments);
		this.port = current.port();
		started(current, null);
	}

	private void started(NatsProcess nats, NatsProcess ended) throws IOException {
		lock.natsStarted(nats.pid(), ended == null ? -1 : ended.pid());
		ready = true;
		nats.onExit().thenRun(() -> restart(nats));
	}

	private void restart(NatsProcess ended) {
		if (closing || ended != current) {
			return;
		}
		ready = false;
		log.accept("byron: " + name + " stopped unexpectedly (see " + store.resolve("nats-server.log") + "); starting it again");
		for (int attempt = 1; !closing; attempt++) {
			try {
				NatsProcess again = NatsProcess.start(binary, store, port, config, arguments);
				synchronized (this) {
					if (closing) { // the run stopped while this one started: it must not outlive the run
						again.close();
						return;
					}
					current = again;
					started(again, ended);
				}
				log.accept("byron: " + name + " is back on port " + port);
				return;
			} catch (IOException e) {
				log.accept("byron: " + name + " did not start (" + e.getMessage() + "); trying again");
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
