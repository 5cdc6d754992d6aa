package dev.byron.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.byron.runtime.broker.Broker;
import io.nats.NatsServerRunner;

/**
 * The real parts tests run against, started once per test JVM: a nats-server with JetStream (the Debian
 * package) on a free port, and a MongoDB wire-protocol server (mongo-java-server) on another. Each test
 * uses its own system name, so streams and databases never mix.
 */
public final class TestInfra {
	private static final AtomicInteger SYSTEMS = new AtomicInteger();
	private static NatsServerRunner nats;
	private static MongoServer mongoServer;
	private static MongoClient mongo;

	private TestInfra() {
	}

	public static synchronized String natsUrl() throws Exception {
		if (nats == null) {
			Path store = Files.createTempDirectory("byron-nats");
			nats = NatsServerRunner.builder().jetstream(true).executablePath(natsServerBinary())
					.customArgs(List.of("-a", "127.0.0.1", "-sd", store.toString())).outputLogger(quiet()).build();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					nats.shutdown(true);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}));
		}
		return nats.getURI();
	}

	public static synchronized MongoClient mongo() {
		if (mongo == null) {
			mongoServer = new MongoServer(new MemoryBackend());
			mongoServer.bind("127.0.0.1", 0);
			mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort());
		}
		return mongo;
	}

	public static String newSystem() {
		return "t" + ProcessHandle.current().pid() + "x" + SYSTEMS.incrementAndGet();
	}

	public static Broker broker(String system) throws Exception {
		return Broker.connect(natsUrl(), system, "test");
	}

	private static java.util.logging.Logger quiet() {
		java.util.logging.Logger logger = java.util.logging.Logger.getLogger("byron.test.nats-server");
		logger.setLevel(Level.WARNING);
		logger.setUseParentHandlers(true);
		return logger;
	}

	public static String natsServerBinary() {
		for (String candidate : List.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(":")) {
				if (Files.isExecutable(Path.of(dir, "nats-server"))) {
					return Path.of(dir, "nats-server").toString();
				}
			}
		}
		throw new IllegalStateException("nats-server is not installed: apt-get install -y nats-server (.ci/run does this)");
	}
}
