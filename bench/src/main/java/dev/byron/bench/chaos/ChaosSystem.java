package dev.byron.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.byron.deployer.local.NatsProcess;
import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.generator.GenerationInput;
import dev.byron.runtime.ByronComponent;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.Descriptors;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.gateway.Route;

/**
 * The microblog example running for the chaos suite: a real nats-server (restartable on its port, its JetStream
 * store kept), a MongoDB wire-protocol server, each component's API in this process behind the gateway, and each
 * component's Sink as its own OS process ({@code ServiceMain}, role sink) that can be killed with SIGKILL. The model's
 * hooks, reactions and custom operations are left out: the suite exercises the CRUD commands, the append and the
 * replicas, which need no user code.
 */
final class ChaosSystem implements AutoCloseable {
	private final Path dir;
	private final Path nats;
	private NatsProcess broker;
	private final int natsPort;
	private final MongoServer mongoServer;
	private final String mongoUri;
	private final MongoClient mongo;
	private final Broker client;
	private final Map<String, ComponentDescriptor> descriptors = new LinkedHashMap<>();
	private final Map<String, ByronComponent> apis = new LinkedHashMap<>();
	private final Map<String, Process> sinks = new LinkedHashMap<>();
	private final Gateway gateway;
	private final String system;

	ChaosSystem(Path dir, Path example) throws Exception {
		this(dir, example, Map.of());
	}

	/**
	 * With {@code hooks} for some components: their APIs keep the model's command hooks and run these (the Sinks,
	 * in their own processes, run no hooks).
	 */
	ChaosSystem(Path dir, Path example, Map<String, dev.byron.runtime.spi.Hooks> hooks) throws Exception {
		this.dir = dir;
		this.system = "chaos" + Long.toHexString(System.nanoTime() & 0xffffff);
		LoadResult model = ByronLoader.create().load(example);
		if (!model.errors().isEmpty()) {
			throw new IllegalStateException("the example has errors: " + model.errors());
		}
		for (ComponentDescriptor d : GenerationInput.of(model.model()).descriptors()) {
			descriptors.put(d.name(), new ComponentDescriptor(d.version(), system, d.name(), d.granularity(), d.entities(),
					d.enums(), d.events(), d.replicas(), List.of(), List.of(), List.of()));
		}
		nats = NatsProcess.find().orElseThrow(() -> new IllegalStateException("nats-server is not installed"));
		natsPort = NatsProcess.freePort();
		broker = NatsProcess.start(nats, dir.resolve("nats"), natsPort, null);
		mongoServer = new MongoServer(new MemoryBackend());
		mongoServer.bind("127.0.0.1", 0);
		mongoUri = "mongodb://127.0.0.1:" + mongoServer.getLocalAddress().getPort();
		mongo = MongoClients.create(mongoUri);
		client = Broker.connect(broker.url(), system, "chaos");
		List<Route> routes = new ArrayList<>();
		List<ComponentDescriptor> withHooks = GenerationInput.of(model.model()).descriptors();
		for (ComponentDescriptor descriptor : descriptors.values()) {
			ComponentDescriptor forApi = descriptor;
			if (hooks.containsKey(descriptor.name())) {
				ComponentDescriptor modelled = withHooks.stream().filter(d -> d.name().equals(descriptor.name())).findFirst().orElseThrow();
				forApi = new ComponentDescriptor(descriptor.version(), system, descriptor.name(), descriptor.granularity(),
						descriptor.entities(), descriptor.enums(), descriptor.events(), descriptor.replicas(), List.of(),
						modelled.hooks(), List.of());
			}
			ByronComponent api = ByronComponent.from(forApi).broker(client).mongo(mongo).role(ByronComponent.Role.API)
					.hooks(hooks.getOrDefault(descriptor.name(), dev.byron.runtime.spi.Hooks.NONE))
					.readYourWrites(Duration.ZERO).http("127.0.0.1", 0).start();
			apis.put(descriptor.name(), api);
			routes.add(new Route(descriptor, api.graphqlUrl()));
			Files.writeString(descriptorFile(descriptor.name()), Descriptors.toJson(descriptor));
			sinks.put(descriptor.name(), startSink(descriptor.name()));
		}
		gateway = Gateway.start(routes, "127.0.0.1", 0);
	}

	String gatewayUrl() {
		return gateway.url();
	}

	Map<String, ComponentDescriptor> descriptors() {
		return descriptors;
	}

	ByronComponent api(String component) {
		return apis.get(component);
	}

	Broker broker() {
		return client;
	}

	List<String> healthUrls() {
		List<String> urls = new ArrayList<>(List.of(gateway.url().replace("/graphql", "/health/ready")));
		apis.values().forEach(api -> urls.add(api.graphqlUrl().replace("/graphql", "/health/ready")));
		return urls;
	}

	/** SIGKILL to one component's Sink process, and a new one in its place after {@code pause}. */
	void killSink(String component, Duration pause) throws Exception {
		Process sink = sinks.get(component);
		sink.destroyForcibly();
		sink.waitFor();
		Thread.sleep(pause.toMillis());
		sinks.put(component, startSink(component));
	}

	/** SIGKILL to nats-server; after {@code downFor}, a new one on the same port with the same store. */
	void restartBroker(Duration downFor) throws Exception {
		broker.kill();
		Thread.sleep(downFor.toMillis());
		broker = NatsProcess.start(nats, dir.resolve("nats"), natsPort, null);
	}

	private Path descriptorFile(String component) {
		return dir.resolve(component + ".json");
	}

	private Process startSink(String component) throws IOException {
		ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				"dev.byron.runtime.ServiceMain", descriptorFile(component).toString());
		process.environment().put("BYRON_ROLE", "sink");
		process.environment().put("BYRON_NATS_URL", "nats://127.0.0.1:" + natsPort);
		process.environment().put("BYRON_MONGO_URI", mongoUri);
		process.environment().put("BYRON_PORT", "0");
		process.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(component + "-sink.log").toFile()));
		return process.start();
	}

	@Override
	public void close() throws Exception {
		for (Process sink : sinks.values()) {
			sink.destroyForcibly();
		}
		gateway.close();
		for (ByronComponent api : apis.values()) {
			api.close();
		}
		client.close();
		mongo.close();
		mongoServer.shutdownNow();
		broker.close();
	}
}
