package dev.byron.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.byron.runtime.Await;
import dev.byron.runtime.ByronComponent;
import dev.byron.runtime.Http;
import dev.byron.runtime.TestDescriptors;
import dev.byron.runtime.TestInfra;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import io.nats.NatsServerRunner;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.ConsumerConfiguration;

/**
 * Each component on its own NATS user with the permissions {@link NatsPermissions} gives it, on a real nats-server:
 * enough for writes, unique claims, replicas and dead letters; not enough to write another component's events or read
 * a stream it does not source.
 */
class NatsPermissionsTest {
	private static final String SYSTEM = TestInfra.newSystem();
	private static NatsServerRunner nats;
	private static Broker admin;
	private static Broker accountsBroker;
	private static Broker postsBroker;
	private static ByronComponent accounts;
	private static ByronComponent posts;

	@BeforeAll
	static void start() throws Exception {
		Names names = new Names(SYSTEM);
		ComponentDescriptor accountsDescriptor = TestDescriptors.accounts(SYSTEM);
		ComponentDescriptor postsDescriptor = TestDescriptors.posts(SYSTEM);
		Path store = Files.createTempDirectory("byron-nats-permissions");
		nats = NatsServerRunner.builder().jetstream(true).executablePath(TestInfra.natsServerBinary())
				.customArgs(List.of("-a", "127.0.0.1", "-sd", store.toString()))
				.configInserts(List.of("authorization { users: [ { user: \"admin\", password: \"admin-pw\" }, "
						+ NatsPermissions.of(names, accountsDescriptor).toConf("\"accounts-pw\"") + ", "
						+ NatsPermissions.of(names, postsDescriptor).toConf("\"posts-pw\"") + " ] }"))
				.build();
		String port = nats.getURI().replaceFirst(".*:", "");
		admin = Broker.connect("nats://admin:admin-pw@127.0.0.1:" + port, SYSTEM, "admin");
		accountsBroker = Broker.connect("nats://accounts:accounts-pw@127.0.0.1:" + port, SYSTEM, "accounts",
				NatsPermissions.inboxPrefix("accounts"));
		postsBroker = Broker.connect("nats://posts:posts-pw@127.0.0.1:" + port, SYSTEM, "posts", NatsPermissions.inboxPrefix("posts"));
		accounts = ByronComponent.from(accountsDescriptor).broker(accountsBroker).mongo(TestInfra.mongo()).start();
		posts = ByronComponent.from(postsDescriptor).broker(postsBroker).mongo(TestInfra.mongo()).start();
	}

	@AfterAll
	static void stop() throws Exception {
		posts.close();
		accounts.close();
		postsBroker.close();
		accountsBroker.close();
		admin.close();
		nats.shutdown(true);
	}

	@Test
	void aComponentOnItsOwnUserWritesClaimsAndItsReplicasFollow() {
		Http.Response created = Http.graphql(accounts.graphqlUrl(),
				"mutation { createUser(input: {handle: \"ada\", name: \"Ada\"}) { id } }", Map.of());
		assertThat(created.errors()).isEmpty();
		String id = (String) created.object("createUser").get("id");
		Http.Response taken = Http.graphql(accounts.graphqlUrl(), "mutation { createUser(input: {handle: \"ada\", name: \"Other\"}) { id } }",
				Map.of());
		assertThat(taken.code()).as("the unique claim in the component's own bucket").isEqualTo("CONFLICT");
		Await.until("posts replicated the user", Duration.ofSeconds(20),
				() -> Http.graphql(posts.graphqlUrl(), "mutation($a: ID!) { createPost(input: {author: $a, text: \"hi\"}) { id } }",
						Map.of("a", id)).errors().isEmpty());
	}

	@Test
	void aComponentOnItsOwnUserKeepsTheRecordsOfRequestsSentWithAnIdempotencyKey() {
		String create = "mutation { createUser(input: {handle: \"kay\", name: \"Kay\"}) { id } }";
		Http.Response first = Http.graphql(accounts.graphqlUrl(), create, Map.of(), Map.of("Idempotency-Key", "kay-1"));
		assertThat(first.errors()).isEmpty();
		Http.Response again = Http.graphql(accounts.graphqlUrl(), create, Map.of(), Map.of("Idempotency-Key", "kay-1"));
		assertThat(again.errors()).as("the records' bucket is the component's own").isEmpty();
		assertThat(again.object("createUser")).isEqualTo(first.object("createUser"));
	}

	@Test
	void aComponentCannotWriteAnotherComponentsEvents() throws Exception {
		String forged = postsBroker.names().entitySubject("accounts", "User", "forged");
		assertThatThrownBy(() -> postsBroker.jetStream().publish(forged, "{}".getBytes(StandardCharsets.UTF_8)))
				.as("posts publishing on accounts' subjects").isInstanceOf(Exception.class);
		assertThat(admin.last("accounts", forged)).isEmpty();
	}

	@Test
	void aComponentCannotReadAStreamItDoesNotSource() throws Exception {
		assertThatThrownBy(() -> accountsBroker.management().addOrUpdateConsumer(accountsBroker.names().stream("posts"),
				ConsumerConfiguration.builder().durable("spy").build())).as("accounts does not source posts")
				.isInstanceOfAny(JetStreamApiException.class, java.io.IOException.class, RuntimeException.class);
		assertThatThrownBy(() -> accountsBroker.management().getLastMessage(accountsBroker.names().stream("posts"),
				accountsBroker.names().streamSubjects("posts"))).isInstanceOf(Exception.class);
	}
}
