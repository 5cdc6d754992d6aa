package dev.byron.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.Descriptors;
import dev.byron.runtime.spi.HookProvider;
import dev.byron.runtime.spi.Hooks;

/**
 * The process a component's image runs: {@code ServiceMain <descriptor.json>}, configured by the
 * environment (twelve-factor): {@code BYRON_ROLE} (api, sink, all), {@code BYRON_NATS_URL},
 * {@code BYRON_MONGO_URI}, {@code BYRON_HOST}, {@code BYRON_PORT}, {@code BYRON_READ_YOUR_WRITES}, and
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} for traces. Logs are JSON lines on stdout.
 */
public final class ServiceMain {
	private ServiceMain() {
	}

	public static void main(String[] args) throws Exception {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "byron-service-logback.xml");
		}
		Logger log = LoggerFactory.getLogger(ServiceMain.class);
		if (args.length != 1) {
			System.err.println("usage: ServiceMain <component-descriptor.json>  (configured by BYRON_* environment variables)");
			System.exit(2);
		}
		Map<String, String> env = System.getenv();
		ComponentDescriptor descriptor = Descriptors.read(Path.of(args[0]));
		dev.byron.runtime.trace.Tracing.configureFromEnvironment(descriptor.name(), System::getenv);
		ByronComponent.Role role = ByronComponent.Role.valueOf(env.getOrDefault("BYRON_ROLE", "all").toUpperCase());
		String natsUrl = env.getOrDefault("BYRON_NATS_URL", "nats://127.0.0.1:4222");
		String mongoUri = env.getOrDefault("BYRON_MONGO_URI", "mongodb://127.0.0.1:27017");
		Hooks hooks = hooks(descriptor);
		CountDownLatch stopped = new CountDownLatch(1);
		try (Broker broker = Broker.connect(natsUrl, descriptor.system(), descriptor.name() + "-" + role.name().toLowerCase(),
				dev.byron.runtime.broker.NatsPermissions.inboxPrefix(descriptor.name())).streamReplicas(
						Integer.parseInt(env.getOrDefault("BYRON_STREAM_REPLICAS", "1")));
				MongoClient mongo = MongoClients.create(mongoUri);
				ByronComponent component = ByronComponent.from(descriptor).broker(broker).mongo(mongo).hooks(hooks).role(role)
						.readYourWrites(readYourWrites(env)).callerKey(callerKey(env, role, log))
						.http(env.getOrDefault("BYRON_HOST", "127.0.0.1"), Integer.parseInt(env.getOrDefault("BYRON_PORT", "8080")))
						.start()) {
			log.info("component {} of system {} started as {} (broker {}, cache {}){}", descriptor.name(), descriptor.system(),
					role.name().toLowerCase(), Broker.redacted(natsUrl), hostsOf(mongoUri),
					component.graphqlUrl() == null ? "" : ", GraphQL on port " + component.port());
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			stopped.await();
			log.info("component {} stopping", descriptor.name());
			dev.byron.runtime.trace.Tracing.flush();
		}
	}

	/** The gateway's signing key: a component that serves GraphQL does not start without one (it would answer anyone). */
	private static String callerKey(Map<String, String> env, ByronComponent.Role role, Logger log) {
		String key = env.get(dev.byron.runtime.api.GatewaySignature.ENVIRONMENT);
		if (role == ByronComponent.Role.SINK) {
			return null;
		}
		if (key == null || key.isBlank()) {
			log.error("{} is not set: a component answers only requests the gateway signed, with the key the gateway has."
					+ " The manifests of `byron deploy` take it from the credentials Secret; `byron run` sets it itself.",
					dev.byron.runtime.api.GatewaySignature.ENVIRONMENT);
			System.exit(2);
		}
		return key;
	}

	/** {@code BYRON_READ_YOUR_WRITES=false} answers a mutation on append, without waiting for the own Sink. */
	private static java.time.Duration readYourWrites(Map<String, String> env) {
		return "false".equalsIgnoreCase(env.get("BYRON_READ_YOUR_WRITES")) ? java.time.Duration.ZERO
				: java.time.Duration.ofSeconds(5);
	}

	private static Hooks hooks(ComponentDescriptor descriptor) {
		return Hooks.from(descriptor, ServiceLoader.load(HookProvider.class));
	}

	/** Only the hosts of a MongoDB URI: credentials never reach the logs. */
	static String hostsOf(String uri) {
		try {
			return String.join(",", new ConnectionString(uri).getHosts());
		} catch (IllegalArgumentException e) {
			return "(invalid URI)";
		}
	}
}
