package dev.byron.deployer.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A nats-server with JetStream, started for a local run, its data under the project's {@code .byron-data/}. */
public final class NatsProcess implements AutoCloseable {
	private final Process process;
	private final int port;

	private NatsProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static NatsProcess start(Path binary, Path dataDir) throws IOException, InterruptedException {
		return start(binary, dataDir, freePort(), null);
	}

	/**
	 * On a given port: a restarted server takes its clients back (they reconnect to the same URL); with {@code config}
	 * (null: none), a configuration file such as the run's users.
	 */
	public static NatsProcess start(Path binary, Path dataDir, int port, Path config) throws IOException, InterruptedException {
		return start(binary, dataDir, port, config, List.of());
	}

	/** With further command-line {@code arguments}, such as a cluster's name and routes. */
	public static NatsProcess start(Path binary, Path dataDir, int port, Path config, List<String> arguments)
			throws IOException, InterruptedException {
		Files.createDirectories(dataDir);
		List<String> command = new java.util.ArrayList<>(List.of(binary.toString(), "-js", "-sd", dataDir.toString(), "-a",
				"127.0.0.1", "-p", String.valueOf(port)));
		if (config != null) {
			command.addAll(List.of("-c", config.toString()));
		}
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dataDir.resolve("nats-server.log").toFile()).start();
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException("nats-server stopped at once; see " + dataDir.resolve("nats-server.log"));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return new NatsProcess(process, port);
			} catch (IOException notYet) {
				Thread.sleep(50);
			}
		}
		process.destroyForcibly();
		throw new IOException("nats-server did not listen within 20 s; see " + dataDir.resolve("nats-server.log"));
	}

	/** The nats-server binary: on PATH, or where the Debian package puts it. */
	public static Optional<Path> find() {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(java.io.File.pathSeparator)) {
				Path candidate = Path.of(dir, "nats-server");
				if (Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		for (String candidate : List.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return Optional.of(Path.of(candidate));
			}
		}
		return Optional.empty();
	}

	/** The operating system's id of the server process. */
	public long pid() {
		return process.pid();
	}

	/** Completes when the server process ends, for whatever reason. */
	public java.util.concurrent.CompletableFuture<Process> onExit() {
		return process.onExit();
	}

	public String url() {
		return "nats://127.0.0.1:" + port;
	}

	public int port() {
		return port;
	}

	/** Ends the server at once (SIGKILL), as a crash would. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}
}
