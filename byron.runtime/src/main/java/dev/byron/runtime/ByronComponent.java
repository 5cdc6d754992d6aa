package dev.byron.runtime;

import java.io.IOException;
import java.time.Duration;

import com.mongodb.client.MongoClient;

import dev.byron.runtime.api.GraphQLEndpoint;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.cache.AppliedSequences;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.command.CommandPipeline;
import dev.byron.runtime.command.LocalComponentClient;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.api.GatewaySignature;
import dev.byron.runtime.http.Health;
import dev.byron.runtime.http.HttpApi;
import dev.byron.runtime.sink.EventHandler;
import dev.byron.runtime.sink.Sink;
import dev.byron.runtime.sink.SinkOptions;
import dev.byron.runtime.spi.Hooks;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A running component: its API (GraphQL over HTTP), its Sink, or both, on a broker and a cache.
 *
 * <pre>
 * ByronComponent posts = ByronComponent.from(descriptor).broker(broker).mongo(client).hooks(hooks).start();
 * </pre>
 */
public final class ByronComponent implements AutoCloseable {
	/** Which parts this process runs: the same image runs as {@code api} or {@code sink} on a cluster. */
	public enum Role {
		API, SINK, ALL
	}

	private final ComponentDescriptor descriptor;
	private final Broker broker;
	private final Cache cache;
	private final HttpApi http;
	private final Sink sink;
	private final CommandPipeline commands;
	private final PrometheusMeterRegistry metrics;
	private final io.nats.client.Dispatcher notices;

	private ByronComponent(Builder builder) throws IOException {
		this.descriptor = builder.descriptor;
		this.broker = builder.broker;
		this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		metrics.config().commonTags("component", descriptor.name());
		this.cache = new Cache(builder.mongo.getDatabase(broker.names().database(descriptor.name())), builder.cacheWrites);
		broker.ensureStream(descriptor.name());
		dev.byron.runtime.cache.CacheIndexes.ensure(cache, descriptor);
		LocalComponentClient client = new LocalComponentClient(cache);
		Duration readYourWrites = builder.role == Role.SINK ? Duration.ZERO : builder.readYourWrites;
		AppliedSequences applied = new AppliedSequences();
		this.commands = new CommandPipeline(descriptor, broker, cache, applied, builder.hooks, client, readYourWrites,
				builder.uniqueGrace, metrics);
		client.bind(commands, commands.publisher());
		this.sink = builder.role == Role.API ? null
				: new Sink(descriptor, broker, new EventHandler(descriptor, cache, applied, builder.hooks, client, broker),
						// the embedded store, written by id, commits in the background: what it lost is written again
						builder.cacheWrites == Cache.Writes.BY_ID && builder.storeMayHaveLost ? builder.sinkOptions.catchingUpOnStart()
								: builder.sinkOptions, metrics);
		// an API's waiters are woken by whichever of the component's Sinks applied the event
		this.notices = builder.role == Role.SINK ? null
				: dev.byron.runtime.sink.AppliedNotices.listen(broker, descriptor.name(), applied);
		if (builder.role != Role.SINK) {
			GraphQLEndpoint graphQL = new GraphQLEndpoint(descriptor, cache, commands, builder.hooks, client, builder.maxInFlight);
			Health health = new Health(broker, cache, sink == null ? null : sink::pending, builder.readyLag,
					sink == null ? null : sink::caughtUp);
			this.http = new HttpApi(builder.host, builder.port, graphQL, health, metrics, descriptor.name(),
					builder.callerKey == null ? null : GatewaySignature.withKey(builder.callerKey));
		} else {
			this.http = null;
		}
	}

	public static Builder from(ComponentDescriptor descriptor) {
		return new Builder(descriptor);
	}

	private ByronComponent start() throws IOException {
		if (sink != null) {
			sink.start();
		}
		if (http != null) {
			http.start();
		}
		return this;
	}

	public ComponentDescriptor descriptor() {
		return descriptor;
	}

	/** The GraphQL endpoint, e.g. {@code http://127.0.0.1:41234/graphql}; null for a Sink-only process. */
	public String graphqlUrl() {
		return http == null ? null : "http://127.0.0.1:" + http.port() + "/graphql";
	}

	public int port() {
		return http == null ? -1 : http.port();
	}

	public Cache cache() {
		return cache;
	}

	public Sink sink() {
		return sink;
	}

	public CommandPipeline commands() {
		return commands;
	}

	public PrometheusMeterRegistry metrics() {
		return metrics;
	}

	/** Stops the Sink hard, as a crash would: nothing in flight is acknowledged. */
	public void killSink() {
		if (sink != null) {
			sink.kill();
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (http != null) {
			http.close();
		}
		if (sink != null) {
			sink.close();
		}
		if (notices != null) {
			try {
				broker.connection().closeDispatcher(notices);
			} catch (RuntimeException e) {
				// the connection is closed already
			}
		}
		metrics.close();
	}

	public static final class Builder {
		private final ComponentDescriptor descriptor;
		private Broker broker;
		private MongoClient mongo;
		private Hooks hooks = Hooks.NONE;
		private Role role = Role.ALL;
		private String host = "127.0.0.1";
		private int port;
		private Duration readYourWrites = Duration.ofSeconds(5);
		private Duration uniqueGrace = Duration.ofSeconds(10);
		private SinkOptions sinkOptions = SinkOptions.DEFAULT;
		private int maxInFlight = 64;
		private long readyLag = 1_000;
		private String callerKey;
		private Cache.Writes cacheWrites = Cache.Writes.CONDITIONAL;
		private boolean storeMayHaveLost = true;

		private Builder(ComponentDescriptor descriptor) {
			this.descriptor = descriptor;
		}

		public Builder broker(Broker value) {
			this.broker = value;
			return this;
		}

		public Builder mongo(MongoClient value) {
			this.mongo = value;
			return this;
		}

		public Builder hooks(Hooks value) {
			this.hooks = value;
			return this;
		}

		public Builder role(Role value) {
			this.role = value;
			return this;
		}

		public Builder http(String bindHost, int bindPort) {
			this.host = bindHost;
			this.port = bindPort;
			return this;
		}

		/** How long a mutation waits for the own Sink; {@link Duration#ZERO} answers right after the append. */
		public Builder readYourWrites(Duration value) {
			this.readYourWrites = value;
			return this;
		}

		public Builder uniqueGrace(Duration value) {
			this.uniqueGrace = value;
			return this;
		}

		public Builder sink(SinkOptions value) {
			this.sinkOptions = value;
			return this;
		}

		public Builder maxInFlight(int value) {
			this.maxInFlight = value;
			return this;
		}

		/** How the Sink writes its documents ({@link Cache.Writes}); conditional updates unless told otherwise. */
		public Builder cacheWrites(Cache.Writes value) {
			this.cacheWrites = value;
			return this;
		}

		/**
		 * Whether the Cache's store may have lost writes its Sinks acknowledged (a store written by id, not closed
		 * cleanly since): then each Sink writes the newest of them again before it takes new events. True unless said.
		 */
		public Builder storeMayHaveLost(boolean value) {
			this.storeMayHaveLost = value;
			return this;
		}

		/** The key the gateway signs callers with; without it, the component takes the caller header unsigned. */
		public Builder callerKey(String key) {
			this.callerKey = key;
			return this;
		}

		public Builder readyLag(long value) {
			this.readyLag = value;
			return this;
		}

		public ByronComponent start() throws IOException {
			if (broker == null || mongo == null) {
				throw new IllegalStateException("A component needs a broker and a MongoDB client.");
			}
			ByronComponent component = new ByronComponent(this);
			try {
				return component.start();
			} catch (IOException e) {
				try {
					component.close();
				} catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
				throw e;
			}
		}
	}
}
