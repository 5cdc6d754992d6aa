package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.descriptor.HookDescriptor;
import dev.byron.runtime.spi.Hooks;

/** Q3 isolation, read-your-writes (and return-on-append), and load shedding. */
class ResilienceTest extends SystemTest {
	ByronComponent start(ByronComponent.Builder builder) throws Exception {
		ByronComponent component = builder.broker(broker).mongo(TestInfra.mongo()).start();
		running.add(component);
		return component;
	}

	@Test
	void withAccountsStoppedPostsStillAnswersAndAcceptsWritesThatDoNotNeedAccounts() throws Exception {
		ByronComponent accounts = start(ByronComponent.from(TestDescriptors.accounts(system)));
		ByronComponent posts = start(ByronComponent.from(TestDescriptors.posts(system)));
		String ada = (String) Http.graphql(accounts.graphqlUrl(), "mutation { createUser(input: {handle: \"ada\", name: \"Ada\"}) { id } }",
				Map.of()).object("createUser").get("id");
		Await.until("posts knows ada", () -> posts.cache().find(Cache.replicaCollection("accounts", "User"), ada).isPresent());

		accounts.close();
		running.remove(accounts);

		Http.Response created = Http.graphql(posts.graphqlUrl(),
				"mutation($a: ID!) { createPost(input: {author: $a, text: \"still here\"}) { id text author { handle } } }", Map.of("a", ada));
		assertThat(created.errors()).isEmpty();
		assertThat(created.object("createPost")).containsEntry("text", "still here");
		Http.Response listed = Http.graphql(posts.graphqlUrl(), "{ posts { nodes { text author { name } } } }", Map.of());
		assertThat(listed.errors()).isEmpty();
		assertThat(listed.object("posts").get("nodes")).isEqualTo(List.of(Map.of("text", "still here", "author", Map.of("name", "Ada"))));
	}

	@Test
	void aMutationAnswersOnceTheOwnSinkAppliedItSoTheNextReadSeesIt() throws Exception {
		ByronComponent accounts = start(ByronComponent.from(TestDescriptors.accounts(system)));
		for (int i = 0; i < 20; i++) {
			String id = accounts.commands().create("User", Map.of("handle", "ryw" + i, "name", "R"), null).id();
			assertThat(accounts.cache().find("User", id)).as("visible right after the mutation").isPresent();
		}
	}

	@Test
	void returnOnAppendAnswersWithoutWaitingForTheSink() throws Exception {
		ByronComponent api = start(ByronComponent.from(TestDescriptors.accounts(system)).role(ByronComponent.Role.API)
				.readYourWrites(Duration.ZERO));
		var result = api.commands().create("User", Map.of("handle", "fast", "name", "F"), null);
		assertThat(result.sequence()).isPositive();
		assertThat(result.state()).containsEntry("handle", "fast");
		assertThat(api.cache().find("User", result.id())).as("no Sink runs: the answer did not wait for one").isEmpty();
	}

	@Test
	void atCapacityTheApiShedsLoadWithUnavailableInsteadOfQueueing() throws Exception {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Hooks hooks = Hooks.builder().command("slow", ctx -> {
			entered.countDown();
			release.await(30, TimeUnit.SECONDS);
		}).build();
		ByronComponent accounts = start(ByronComponent.from(TestDescriptors.accounts(system,
				new HookDescriptor("BEFORE", "createUser", "slow"))).hooks(hooks).maxInFlight(1));
		ExecutorService pool = Executors.newSingleThreadExecutor();
		Future<Http.Response> first = pool.submit(() -> Http.graphql(accounts.graphqlUrl(),
				"mutation { createUser(input: {handle: \"first\", name: \"F\"}) { id } }", Map.of()));
		assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
		Http.Response shed = Http.graphql(accounts.graphqlUrl(), "{ users { nodes { id } } }", Map.of());
		assertThat(shed.code()).isEqualTo("UNAVAILABLE");
		release.countDown();
		assertThat(first.get(30, TimeUnit.SECONDS).errors()).isEmpty();
		assertThat(Http.graphql(accounts.graphqlUrl(), "{ users { nodes { handle } } }", Map.of()).errors()).isEmpty();
		pool.shutdown();
	}

	@Test
	void readinessFollowsTheBrokerAndMutationsSayUnavailableWhileItIsDown() throws Exception {
		java.nio.file.Path store = java.nio.file.Files.createTempDirectory("byron-nats-down");
		java.util.logging.Logger quiet = java.util.logging.Logger.getLogger("byron.test.nats-down");
		quiet.setLevel(java.util.logging.Level.WARNING);
		try (io.nats.NatsServerRunner own = io.nats.NatsServerRunner.builder().jetstream(true)
				.executablePath(TestInfra.natsServerBinary()).outputLogger(quiet)
				.customArgs(List.of("-a", "127.0.0.1", "-sd", store.toString())).build();
				Broker ownBroker = Broker.connect(own.getURI(), system, "down-test");
				ByronComponent accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(ownBroker)
						.mongo(TestInfra.mongo()).start()) {
			String base = accounts.graphqlUrl().replace("/graphql", "");
			Await.until("ready", () -> Http.get(base + "/health/ready").statusCode() == 200);
			own.shutdown(true);
			Await.until("not ready without the broker", () -> Http.get(base + "/health/ready").statusCode() == 503);
			assertThat(Http.get(base + "/health/ready").body()).contains("\"broker\":\"down\"");
			assertThat(Http.get(base + "/health/live").statusCode()).isEqualTo(200);
			Http.Response refused = Http.graphql(accounts.graphqlUrl(),
					"mutation { createUser(input: {handle: \"offline\", name: \"O\"}) { id } }", Map.of());
			assertThat(refused.code()).isEqualTo("UNAVAILABLE");
		}
	}

	@Test
	void aComponentWhoseSinkStillWritesAgainWhatItsCacheMayHaveLostIsNotReady() throws Exception {
		try (Broker broker = TestInfra.broker(system)) {
			dev.byron.runtime.cache.Cache cache = new dev.byron.runtime.cache.Cache(TestInfra.mongo().getDatabase("health-" + system),
					dev.byron.runtime.cache.Cache.Writes.BY_ID);
			java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
			dev.byron.runtime.http.Health health = new dev.byron.runtime.http.Health(broker, cache, () -> 0L, 100, started::get);
			assertThat(health.ready()).containsEntry("status", "DOWN");
			assertThat(health.ready().get("checks").toString()).contains("sink=catching up");
			started.set(true);
			assertThat(health.ready()).containsEntry("status", "UP");
		}
	}

	@Test
	void beforeHooksCanChangeOrRefuseACommand() throws Exception {
		Hooks hooks = Hooks.builder().command("normalize", ctx -> {
			ctx.state().put("handle", ((String) ctx.state().get("handle")).toLowerCase());
			if ("root".equals(ctx.state().get("handle"))) {
				throw dev.byron.runtime.api.ByronException.validation("handle", "'root' is reserved.");
			}
		}).build();
		ByronComponent accounts = start(ByronComponent.from(TestDescriptors.accounts(system,
				new HookDescriptor("BEFORE", "createUser", "normalize"))).hooks(hooks));
		Http.Response created = Http.graphql(accounts.graphqlUrl(),
				"mutation { createUser(input: {handle: \"MiXeD\", name: \"M\"}) { handle } }", Map.of());
		assertThat(created.object("createUser")).containsEntry("handle", "mixed");
		Http.Response refused = Http.graphql(accounts.graphqlUrl(),
				"mutation { createUser(input: {handle: \"ROOT\", name: \"R\"}) { handle } }", Map.of());
		assertThat(refused.code()).isEqualTo("VALIDATION");
		assertThat(refused.errors().get(0).get("message")).isEqualTo("'root' is reserved.");
	}
}
