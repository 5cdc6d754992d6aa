package dev.byron.deployer.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import dev.byron.deployer.kubernetes.DeployException;
import dev.byron.deployer.kubernetes.DesiredState;
import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.ModelLoadException;
import dev.byron.generator.GatewayConfigGenerator;
import dev.byron.generator.GenerationInput;
import dev.byron.runtime.ByronComponent;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.api.GatewaySignature;
import dev.byron.runtime.broker.NatsPermissions;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.gateway.GatewaySettings;
import dev.byron.runtime.gateway.Route;
import dev.byron.runtime.spi.HookProvider;
import dev.byron.runtime.spi.Hooks;
import dev.byron.runtime.trace.JsonLinesSpanExporter;
import dev.byron.runtime.trace.Tracing;

/**
 * A whole system on one machine: nats-server with JetStream and an embedded MongoDB (both keeping their
 * data under {@code <project>/.byron-data/}, see {@link RunData}), every component's API and Sink, and the gateway. Components can be
 * stopped and started again while the rest keeps running ({@code POST /_byron/components/<name>/stop}).
 */
public final class LocalSystem implements AutoCloseable {
	private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
	private final List<AutoCloseable> resources = new ArrayList<>();
	private final Map<String, ComponentDescriptor> descriptors = new LinkedHashMap<>();
	private final Map<String, Hooks> hooks = new LinkedHashMap<>();
	/** Per component, its instances' ports, kept when it is stopped and started again. */
	private final Map<String, List<Integer>> ports = new LinkedHashMap<>();
	private final Map<String, List<ByronComponent>> running = new LinkedHashMap<>();
	/** Per component, one broker connection per instance, as its own NATS user. */
	private final Map<String, List<Broker>> brokers = new LinkedHashMap<>();
	/** The run's own MongoDB (mongo-java-server), whose only writers are this process's Sinks. */
	private boolean embeddedMongo;
	/** Until every component has started once: whether the embedded store may lack writes its Sinks acknowledged. */
	private boolean storeMayHaveLost = true;
	/** Whether the store was there and not closed cleanly: the run before it was killed. */
	private boolean storeKilled;
	/** This run's key for the gateway's signature: components answer only what the gateway passes on. */
	private final String callerKey = GatewaySignature.newKey();
	private Broker broker;
	private LocalNats nats;
	private MongoClient mongo;
	private Gateway gateway;
	private String system;

	private LocalSystem() {
	}

	public static LocalSystem start(Path project, LocalOptions options, PrintWriter log) throws LocalRunException {
		LocalSystem local = new LocalSystem();
		try {
			local.boot(project.toAbsolutePath().normalize(), options, log);
			return local;
		} catch (LocalRunException e) {
			local.close();
			throw e;
		} catch (Exception e) {
			local.close();
			throw new LocalRunException("Cannot start the system: " + e.getMessage(), e);
		}
	}

	private void boot(Path project, LocalOptions options, PrintWriter log) throws Exception {
		LoadResult model;
		try {
			model = ByronLoader.create().load(project);
		} catch (ModelLoadException e) {
			throw LocalRunException.inTheProject(e.getMessage(), e);
		}
		if (model.hasErrors()) {
			StringBuilder message = new StringBuilder("The model has errors; fix them and run again:");
			model.errors().forEach(d -> message.append("\n").append(d.format(Path.of("").toAbsolutePath())));
			throw LocalRunException.inTheProject(message.toString(), null);
		}
		system = model.model().system() == null ? "app" : model.model().system();
		java.util.function.Consumer<String> say = message -> {
			synchronized (log) {
				log.println(message);
				log.flush();
			}
		};
		Path data = RunData.create(project, say);
		RunLock lock = RunLock.acquire(data, say);
		resources.add(lock);
		GenerationInput input = GenerationInput.of(model.model());
		HookBuild.Result built = HookBuild.compile(project, input, data, () -> {
			log.println("byron: compiling hooks/");
			log.flush();
		});
		built.left().forEach(orphan -> say.accept("byron: warning: " + orphan.message()));
		List<HookProvider> providers = built.providers();
		List<ComponentDescriptor> all = input.descriptors();
		boolean stubbed = false;
		for (ComponentDescriptor descriptor : all) {
			// a component none of whose hooks is implemented gets a stub to fill in (written once)
			if (LocalHooks.coversNothing(descriptor, providers)) {
				var stub = dev.byron.generator.HookStubs.writeIfMissing(project, descriptor, all);
				if (stub.isPresent()) {
					log.println("byron: wrote " + project.relativize(stub.get()) + " for you to fill in");
					stubbed = true;
				}
			}
		}
		if (stubbed) {
			providers = HookBuild.compile(project, input, data).providers();
		}
		for (ComponentDescriptor descriptor : all) {
			descriptors.put(descriptor.name(), descriptor);
			hooks.put(descriptor.name(), LocalHooks.merge(descriptor, providers));
		}
		List<String> missing = LocalHooks.missing(descriptors.values(), hooks);
		if (!missing.isEmpty()) {
			throw LocalRunException.inTheProject("The model names hooks and resolvers that hooks/ does not implement:\n  "
					+ String.join("\n  ", missing) + "\nImplement them in a class that implements dev.byron.runtime.spi.HookProvider.");
		}

		String natsUrl = options.natsUrl();
		NatsUsers users = null;
		if (natsUrl == null) {
			Path binary = NatsProcess.find().orElseThrow(() -> new LocalRunException(
					"nats-server is not installed. On Debian or Ubuntu: sudo apt-get install -y nats-server;"
							+ " elsewhere see https://docs.nats.io/running-a-nats-service/introduction/installation,"
							+ " or pass --nats nats://host:4222 to use a running server."));
			users = new NatsUsers(new dev.byron.runtime.broker.Names(system), all);
			nats = LocalNats.start(options.natsNodes(), binary, data, users.writeConfig(data.resolve("nats-users")), lock, say);
			resources.add(nats);
			natsUrl = nats.url();
		}
		String mongoUri = options.mongoUri();
		embeddedMongo = mongoUri == null;
		if (mongoUri == null) {
			java.nio.file.Files.createDirectories(data);
			// a cluster's streams are not the single server's: its Cache must not be either, or data would mix
			Path store = data.resolve(options.natsNodes() > 1 ? "mongo-cluster.mv" : "mongo.mv");
			storeMayHaveLost = !CleanClose.taken(store);
			storeKilled = storeMayHaveLost && java.nio.file.Files.exists(store);
			MongoServer server = new MongoServer(new EmbeddedStore(store.toString()));
			server.bind("127.0.0.1", 0);
			resources.add(() -> {
				server.shutdownNow();
				CleanClose.mark(store);
			});
			mongoUri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
		}
		mongo = MongoClients.create(mongoUri);
		resources.add(mongo::close);
		JsonLinesSpanExporter traces = TraceFiles.exporter(data);
		Tracing.exportTo(traces);
		resources.add(() -> {
			Tracing.flush();
			Tracing.stopExportingTo(traces);
		});
		broker = Broker.connect(users == null ? natsUrl : users.runUrl(natsUrl), system, NatsUsers.RUN_USER)
				.streamReplicas(options.natsNodes());
		resources.add(broker);
		broker.awaitJetStream(java.time.Duration.ofSeconds(30));
		if (options.natsNodes() > 1) { // a cluster started again on its stores: its streams' leaders before any write
			broker.awaitStreamLeaders(java.time.Duration.ofSeconds(30));
		}
		for (String name : descriptors.keySet()) {
			// each component on its own NATS user: it can write only its own events and read only what it sources
			List<Broker> connections = new ArrayList<>();
			for (int instance = 0; instance < options.replicas(); instance++) {
				Broker own = users == null && instance == 0 ? broker
						: users == null ? Broker.connect(natsUrl, system, name)
								: Broker.connect(users.componentUrl(natsUrl, name), system, name, NatsPermissions.inboxPrefix(name));
				if (own != broker) {
					resources.add(own);
				}
				connections.add(own.streamReplicas(options.natsNodes()));
			}
			brokers.put(name, connections);
		}

		List<Route> routes = new ArrayList<>();
		for (String name : descriptors.keySet()) {
			ports.put(name, new ArrayList<>(java.util.Collections.nCopies(options.replicas(), 0)));
			List<ByronComponent> instances = startInstances(name);
			routes.add(new Route(descriptors.get(name), instances.stream().map(ByronComponent::graphqlUrl).toList()));
		}
		storeMayHaveLost = false; // a component started again in this run finds the store as its Sinks left it
		LocalNats supervised = nats;
		GatewaySettings settings = gatewaySettings(input).withCallerKey(callerKey).withLocalHostsOnly();
		boolean tokensChecked = settings.auth() != null;
		try {
			gateway = Gateway.start(routes, "127.0.0.1", options.port(), Map.of("/_byron/components", this::admin),
					settings, () -> (supervised == null || supervised.ready()) && broker.isConnected() && sinksStarted());
		} catch (IOException e) {
			for (Throwable cause = e; cause != null; cause = cause.getCause()) {
				if (cause instanceof java.net.BindException) {
					throw new LocalRunException("Port " + options.port() + " is in use (another program, or another byron run):"
							+ " pass --port with a free one, e.g. --port " + (options.port() + 1) + ".", e);
				}
			}
			throw e;
		}
		log.println("byron: system " + system + " is running (data in " + data + (options.natsNodes() > 1 && nats != null
				? "; a cluster's data is kept apart from a single server's, in nats-cluster/ and mongo-cluster.mv" : "") + ")");
		log.println();
		java.util.function.BiConsumer<String, String> row = (label, value) -> log.println(String.format("  %-20s %s", label, value));
		row.accept("GraphQL + GraphiQL", "http://localhost:" + gateway.port() + "/graphql");
		running.forEach((name, instances) -> row.accept(name,
				instances.stream().map(ByronComponent::graphqlUrl).collect(java.util.stream.Collectors.joining(" "))
						+ "   (answers the gateway only)"));
		row.accept("broker", Broker.redacted(natsUrl) + (nats != null && nats.size() > 1
				? "   (a JetStream cluster of " + nats.size() + "; every stream kept on all " + nats.size() + ")" : ""));
		row.accept("traces", "byron trace -p " + project + "   (each answer's extensions.traceId names its trace)");
		if (storeKilled) {
			log.println("  The last run was not stopped cleanly: each Sink first writes again what the store may have lost;"
					+ " writes wait for it meanwhile, and /health/ready answers 503 until it is done.");
		}
		log.println();
		log.println("Stop a component:   curl -X POST http://localhost:" + gateway.port() + "/_byron/components/<name>/stop"
				+ (tokensChecked ? " -H \"Authorization: Bearer $TOKEN\"" : ""));
		log.flush();
	}

	/** The gateway's settings from config.byron; the JWT secret from credentials.byron, read now. */
	private static GatewaySettings gatewaySettings(GenerationInput input) throws IOException {
		try {
			return GatewayConfigGenerator.settings(input, DesiredState.credential(input.model(), "jwt", "secret", System.getenv()));
		} catch (DeployException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	/** Whether every running instance's Sink takes new events (its start's catch-up done). */
	private synchronized boolean sinksStarted() {
		return running.values().stream().flatMap(List::stream)
				.allMatch(instance -> instance == null || instance.sink() == null || instance.sink().caughtUp());
	}

	/** Starts each instance of a component on its port (0 the first time: then the port it got is kept). */
	private synchronized List<ByronComponent> startInstances(String name) throws IOException {
		for (int instance = 0; instance < ports.get(name).size(); instance++) {
			startInstance(name, instance);
		}
		return instances(name);
	}

	/** Starts one instance (counted from 0) of a component, unless it runs; the others are left as they are. */
	private synchronized void startInstance(String name, int instance) throws IOException {
		List<Integer> instancePorts = ports.get(name);
		List<ByronComponent> instances = running.computeIfAbsent(name,
				n -> new ArrayList<>(java.util.Collections.nCopies(instancePorts.size(), null)));
		if (instances.get(instance) != null) {
			return;
		}
		ByronComponent component = ByronComponent.from(descriptors.get(name)).broker(brokers.get(name).get(instance)).mongo(mongo)
				.hooks(hooks.get(name)).http("127.0.0.1", instancePorts.get(instance)).callerKey(callerKey)
				.cacheWrites(embeddedMongo ? Cache.Writes.BY_ID : Cache.Writes.CONDITIONAL).storeMayHaveLost(storeMayHaveLost).start();
		instances.set(instance, component);
		instancePorts.set(instance, component.port());
	}

	/** Stops one instance (counted from 0) of a component; the gateway goes to the others meanwhile. */
	public synchronized void stopInstance(String name, int instance) throws InterruptedException {
		List<ByronComponent> instances = running.get(name);
		if (instances == null || instances.get(instance) == null) {
			return;
		}
		instances.get(instance).close();
		instances.set(instance, null);
		if (instances.stream().allMatch(java.util.Objects::isNull)) {
			running.remove(name);
		}
	}

	public synchronized void stopComponent(String name) throws InterruptedException {
		for (int instance = 0; instance < ports.getOrDefault(name, List.of()).size(); instance++) {
			stopInstance(name, instance);
		}
	}

	public synchronized void startComponent(String name) throws IOException {
		if (descriptors.containsKey(name)) {
			startInstances(name);
		}
	}

	/** The pid of the (first) nats-server this run started (and restarts); empty when it uses a given broker. */
	public java.util.OptionalLong natsPid() {
		return nats == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(nats.pids().get(0));
	}

	/** The pids of the nats-servers this run started, one per server of a cluster; empty when it uses a given broker. */
	public List<Long> natsPids() {
		return nats == null ? List.of() : nats.pids();
	}

	/** A running component's own GraphQL endpoint (its first running instance's; it answers only what the gateway signed); null when stopped. */
	public synchronized String componentUrl(String name) {
		List<ByronComponent> instances = instances(name);
		return instances.isEmpty() ? null : instances.get(0).graphqlUrl();
	}

	/** A component's running instances (each its API and its Sink); empty when stopped. */
	public synchronized List<ByronComponent> instances(String name) {
		return running.getOrDefault(name, List.of()).stream().filter(java.util.Objects::nonNull).toList();
	}

	/** The broker connection a component's first instance works on, as the component's own NATS user. */
	public Broker broker(String component) {
		return brokers.get(component).get(0);
	}

	/** The nats-servers this run started, without credentials ({@code nats://127.0.0.1:port}, comma-separated); empty with a given broker. */
	public java.util.Optional<String> natsServerUrl() {
		return nats == null ? java.util.Optional.empty() : java.util.Optional.of(nats.url());
	}

	public String gatewayUrl() {
		return gateway.url();
	}

	public synchronized Map<String, Boolean> components() {
		Map<String, Boolean> states = new LinkedHashMap<>();
		descriptors.keySet().forEach(name -> states.put(name, running.containsKey(name)));
		return states;
	}

	/**
	 * {@code GET /_byron/components}; {@code POST /_byron/components/<name>/stop|start}, and with {@code --replicas},
	 * {@code POST /_byron/components/<name>/<n>/stop|start} for its n-th instance alone (from 1).
	 */
	private void admin(dev.byron.runtime.http.Exchange exchange) throws IOException {
		String[] parts = exchange.path().split("/");
		com.fasterxml.jackson.databind.ObjectMapper json = JSON;
		if (parts.length == 3 && "GET".equals(exchange.method())) {
			exchange.respond(200, "application/json", json.writeValueAsBytes(components()));
			return;
		}
		String verb = parts.length == 5 ? parts[4] : parts.length == 6 ? parts[5] : "";
		boolean action = "stop".equals(verb) || "start".equals(verb);
		int replicas = parts.length > 3 ? ports.getOrDefault(parts[3], List.of()).size() : 0;
		int instance = parts.length == 6 && parts[4].matches("[1-9][0-9]?") ? Integer.parseInt(parts[4]) - 1 : -1;
		if (!action || !descriptors.containsKey(parts[3]) || (parts.length == 6 && (instance < 0 || instance >= replicas))) {
			exchange.respond(404, "application/json", json.writeValueAsBytes(dev.byron.runtime.api.GraphQLErrors.response(
					dev.byron.runtime.api.ErrorCode.NOT_FOUND, !action
							? "GET /_byron/components lists the components; POST /_byron/components/<name>/stop or /start"
									+ " (or /<name>/<n>/stop for its n-th instance)."
							: !descriptors.containsKey(parts[3]) ? "No component named " + dev.byron.runtime.api.Echo.of(parts[3])
									+ "; the components are " + descriptors.keySet() + "."
									: parts[3] + " has instances 1 to " + replicas + ".")));
			return;
		}
		if (!"POST".equals(exchange.method())) {
			exchange.setHeader("Allow", "POST");
			exchange.respond(405, "application/json", json.writeValueAsBytes(dev.byron.runtime.api.GraphQLErrors.response(
					dev.byron.runtime.api.ErrorCode.VALIDATION, "Stopping or starting a component is a POST.")));
			return;
		}
		try {
			if ("stop".equals(verb)) {
				if (instance < 0) {
					stopComponent(parts[3]);
				} else {
					stopInstance(parts[3], instance);
				}
			} else if (instance < 0) {
				startComponent(parts[3]);
			} else {
				startInstance(parts[3], instance);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			exchange.respond(500, "application/json", json.writeValueAsBytes(components()));
			return;
		}
		exchange.respond(200, "application/json", json.writeValueAsBytes(components()));
	}

	@Override
	public synchronized void close() {
		if (gateway != null) {
			gateway.close();
		}
		for (ByronComponent component : running.values().stream().flatMap(List::stream).filter(java.util.Objects::nonNull).toList()) {
			try {
				component.close();
			} catch (Exception e) {
				// keep closing the rest
			}
		}
		running.clear();
		for (int i = resources.size() - 1; i >= 0; i--) {
			try {
				resources.get(i).close();
			} catch (Exception e) {
				// keep closing the rest
			}
		}
		resources.clear();
	}
}
