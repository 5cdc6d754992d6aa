package dev.byron.deployer.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The nats-servers of a local run: one, or three in a JetStream cluster (each with its own store under
 * {@code nats-cluster/}, routes to the other two), each started again when it dies. The broker is ready while a
 * majority of them listens, as JetStream needs a majority to accept an append.
 */
final class LocalNats implements AutoCloseable {
	private final List<SupervisedNats> servers;

	private LocalNats(List<SupervisedNats> servers) {
		this.servers = List.copyOf(servers);
	}

	static LocalNats start(int nodes, Path binary, Path data, Path config, RunLock lock, Consumer<String> log)
			throws IOException, InterruptedException {
		if (nodes == 1) {
			return new LocalNats(List.of(new SupervisedNats(binary, data.resolve("nats"), config, lock, log)));
		}
		List<Integer> clientPorts = new ArrayList<>();
		List<Integer> routePorts = new ArrayList<>();
		for (int i = 0; i < nodes; i++) {
			clientPorts.add(NatsProcess.freePort());
			routePorts.add(NatsProcess.freePort());
		}
		String routes = routePorts.stream().map(port -> "nats://127.0.0.1:" + port).collect(Collectors.joining(","));
		List<SupervisedNats> started = new ArrayList<>();
		try {
			for (int i = 0; i < nodes; i++) {
				String name = "nats-" + (i + 1);
				started.add(new SupervisedNats(binary, data.resolve("nats-cluster").resolve(name), config, clientPorts.get(i),
						List.of("--name", name, "--cluster_name", "byron", "--cluster", "nats://127.0.0.1:" + routePorts.get(i),
								"--routes", routes),
						"nats-server " + (i + 1) + " of " + nodes, lock, log));
			}
		} catch (IOException | InterruptedException | RuntimeException e) {
			for (SupervisedNats server : started) {
				server.close();
			}
			throw e;
		}
		return new LocalNats(started);
	}

	int size() {
		return servers.size();
	}

	/** Every server's URL, comma-separated: a client takes any of them and moves to another when one goes. */
	String url() {
		return servers.stream().map(SupervisedNats::url).collect(Collectors.joining(","));
	}

	boolean ready() {
		return servers.stream().filter(SupervisedNats::ready).count() > servers.size() / 2;
	}

	List<Long> pids() {
		return servers.stream().map(SupervisedNats::pid).toList();
	}

	@Override
	public void close() throws InterruptedException {
		for (SupervisedNats server : servers) {
			server.close();
		}
	}
}
