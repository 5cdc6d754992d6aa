package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.OperationDescriptor;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.gateway.Route;
import dev.byron.runtime.spi.Hooks;

/**
 * A mutation sent again with its {@code Idempotency-Key} (its answer lost, a timeout) answers as its first time did
 * and writes nothing twice; through the gateway, with a real nats-server, as a client would send it.
 */
class IdempotencyKeyTest {
	private static final String CREATE = "mutation($in: UserInput!) { createUser(input: $in) { id handle name } }";
	private static Broker broker;
	private static ByronComponent accounts;
	private static ByronComponent timeline;
	private static Gateway gateway;
	private static String url;

	@BeforeAll
	static void start() throws Exception {
		String system = TestInfra.newSystem();
		ComponentDescriptor base = TestDescriptors.accounts(system);
		ComponentDescriptor withCustom = new ComponentDescriptor(ComponentDescriptor.FORMAT_VERSION, system, "accounts",
				base.granularity(), base.entities(), base.enums(), base.events(), base.replicas(), base.reactions(), base.hooks(),
				List.of(new OperationDescriptor("MUTATION", "ping", List.of(), FieldType.scalar("String", true))));
		broker = TestInfra.broker(system);
		accounts = ByronComponent.from(withCustom).broker(broker).mongo(TestInfra.mongo())
				.hooks(Hooks.builder().resolver("ping", ctx -> "pong").build()).start();
		timeline = ByronComponent.from(TestDescriptors.timeline(system)).broker(broker).mongo(TestInfra.mongo()).start();
		gateway = Gateway.start(List.of(new Route(accounts.descriptor(), accounts.graphqlUrl()),
				new Route(timeline.descriptor(), timeline.graphqlUrl())), "127.0.0.1", 0);
		url = gateway.url();
	}

	@AfterAll
	static void stop() throws Exception {
		gateway.close();
		timeline.close();
		accounts.close();
		broker.close();
	}

	private static Http.Response send(String key, String query, Map<String, Object> variables) {
		return Http.graphql(url, query, variables, key == null ? Map.of() : Map.of("Idempotency-Key", key));
	}

	private static long appended() {
		return broker.lastSequence("accounts");
	}

	@Test
	void aCreateSentAgainWithItsKeyAnswersWithTheEntityItsFirstTimeCreatedAndAppendsNothing() {
		Map<String, Object> ada = Map.of("in", Map.of("handle", "ada1", "name", "Ada"));
		Http.Response first = send("create-ada-1", CREATE, ada);
		assertThat(first.errors()).isEmpty();
		long after = appended();

		Http.Response again = send("\"create-ada-1\"", CREATE, ada); // the draft's quoted form is the same key
		assertThat(again.errors()).isEmpty();
		assertThat(again.object("createUser")).isEqualTo(first.object("createUser"));
		assertThat(appended()).as("nothing appended the second time").isEqualTo(after);

		Http.Response unkeyed = send(null, CREATE, ada);
		assertThat(unkeyed.code()).as("without the key it is a new request, and the handle is taken").isEqualTo("CONFLICT");
	}

	@Test
	void theSameKeyWithAnotherRequestIsRefusedAndWritesNothing() {
		assertThat(send("create-bob", CREATE, Map.of("in", Map.of("handle", "bob1", "name", "Bob"))).errors()).isEmpty();
		long after = appended();

		Http.Response other = send("create-bob", CREATE, Map.of("in", Map.of("handle", "bob2", "name", "Bob")));
		assertThat(other.code()).isEqualTo("VALIDATION");
		assertThat(other.field()).isEqualTo("Idempotency-Key");
		assertThat(other.errors().get(0).get("message").toString()).contains("came before with another request")
				.contains("send a new key");
		assertThat(appended()).isEqualTo(after);
	}

	@Test
	void anUpdateSentAgainAfterAnotherUpdateAnswersAsItsFirstTimeDidAndDoesNotUndoTheOther() {
		String id = (String) send(null, CREATE, Map.of("in", Map.of("handle", "cy1", "name", "Cy"))).object("createUser").get("id");
		String rename = "mutation($id: ID!, $name: String!) { updateUser(id: $id, input: {name: $name}) { id name } }";
		Http.Response first = send("rename-cy", rename, Map.of("id", id, "name", "Cyrus"));
		assertThat(first.object("updateUser")).containsEntry("name", "Cyrus");
		assertThat(send(null, rename, Map.of("id", id, "name", "Cyril")).errors()).isEmpty();
		long after = appended();

		Http.Response again = send("rename-cy", rename, Map.of("id", id, "name", "Cyrus"));
		assertThat(again.object("updateUser")).as("the first time's answer").containsEntry("name", "Cyrus");
		assertThat(appended()).isEqualTo(after);
		Http.Response now = send(null, "query($id: ID!) { user(id: $id) { name } }", Map.of("id", id));
		assertThat(now.object("user")).as("the later update stands").containsEntry("name", "Cyril");
	}

	@Test
	void aDeleteSentAgainWithItsKeyAnswersAsItsFirstTimeDidInsteadOfNotFound() {
		String id = (String) send(null, CREATE, Map.of("in", Map.of("handle", "dee1", "name", "Dee"))).object("createUser").get("id");
		String delete = "mutation($id: ID!) { deleteUser(id: $id) }";
		assertThat(send("delete-dee", delete, Map.of("id", id)).data()).containsEntry("deleteUser", id);
		long after = appended();

		Http.Response again = send("delete-dee", delete, Map.of("id", id));
		assertThat(again.errors()).isEmpty();
		assertThat(again.data()).containsEntry("deleteUser", id);
		assertThat(appended()).isEqualTo(after);
		assertThat(send(null, delete, Map.of("id", id)).code()).as("without the key: gone").isEqualTo("NOT_FOUND");
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachRootFieldOfAKeyedMutationIsARequestOfItsOwnUnderTheKey() {
		String both = "mutation { a: createUser(input: {handle: \"eve1\", name: \"Eve\"}) { id } "
				+ "b: createUser(input: {handle: \"eve2\", name: \"Eve\"}) { id } }";
		Http.Response first = send("two-eves", both, Map.of());
		assertThat(first.errors()).isEmpty();
		Object a = ((Map<String, Object>) first.data().get("a")).get("id");
		Object b = ((Map<String, Object>) first.data().get("b")).get("id");
		assertThat(a).isNotEqualTo(b);
		long after = appended();

		Http.Response again = send("two-eves", both, Map.of());
		assertThat(again.data()).isEqualTo(first.data());
		assertThat(appended()).isEqualTo(after);
	}

	@Test
	void theSameRequestUnderAnotherAliasIsTheSameRequest() {
		Map<String, Object> hal = Map.of("in", Map.of("handle", "hal1", "name", "Hal"));
		Http.Response first = send("create-hal", CREATE, hal);
		long after = appended();

		Http.Response aliased = send("create-hal", "mutation($in: UserInput!) { r: createUser(input: $in) { id handle name } }", hal);
		assertThat(aliased.data().get("r")).isEqualTo(first.object("createUser"));
		assertThat(appended()).isEqualTo(after);
	}

	@Test
	void theSameKeyWithAMutationOfAnotherComponentIsRefusedAndWritesNothing() {
		assertThat(send("one-key", CREATE, Map.of("in", Map.of("handle", "ivy1", "name", "Ivy"))).errors()).isEmpty();
		long entries = broker.lastSequence("timeline");

		Http.Response other = send("one-key", "mutation { createEntry(input: {post: \"p1\", text: \"hi\"}) { id } }", Map.of());
		assertThat(other.code()).as("a key is one request, whichever component it goes to").isEqualTo("VALIDATION");
		assertThat(other.field()).isEqualTo("Idempotency-Key");
		assertThat(broker.lastSequence("timeline")).isEqualTo(entries);
	}

	@Test
	void aKeyedRequestWithACustomMutationBesideACreateIsRefusedWholeAndRunsNothing() {
		long before = appended();
		Http.Response mixed = send("mixed-1", "mutation { createUser(input: {handle: \"jo1\", name: \"Jo\"}) { id } ping }", Map.of());
		assertThat(mixed.code()).isEqualTo("VALIDATION");
		assertThat(mixed.errors().get(0).get("message").toString()).contains("ping is a custom mutation")
				.contains("nothing of the request was run").contains("in a request of its own");
		assertThat(appended()).as("the create beside it did not run").isEqualTo(before);
	}

	@Test
	void twoIdempotencyKeyHeadersAreRefused() throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", "application/json")
				.header("Idempotency-Key", "k-1").header("Idempotency-Key", "k-2")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"query\": \"mutation { createUser(input: {handle: \\\"kim1\\\","
						+ " name: \\\"Kim\\\"}) { id } }\"}")).build();
		long before = appended();
		var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("2 Idempotency-Key headers; send one");
		assertThat(appended()).isEqualTo(before);
	}

	@Test
	void theSameKeyedCreateSentEightTimesAtOnceCreatesOneEntity() throws Exception {
		Map<String, Object> fay = Map.of("in", Map.of("handle", "fay1", "name", "Fay"));
		long before = appended();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Http.Response>> sends = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				sends.add(() -> send("create-fay", CREATE, fay));
			}
			List<Object> ids = new ArrayList<>();
			List<String> refusals = new ArrayList<>();
			for (Future<Http.Response> sent : pool.invokeAll(sends)) {
				Http.Response response = sent.get();
				if (response.errors().isEmpty()) {
					ids.add(response.object("createUser").get("id"));
				} else {
					refusals.add(response.code() + ": " + response.errors().get(0).get("message"));
				}
			}
			assertThat(ids).as("refused: " + refusals).isNotEmpty();
			assertThat(ids.stream().distinct()).as("every answer names the one entity").hasSize(1);
			assertThat(appended()).as("one event appended").isEqualTo(before + 1);
			assertThat(refusals).as("a send that lost the race is told to send again, never that the handle is taken")
					.allMatch(r -> r.startsWith("CONFLICT: ") && r.contains("send this one again"));
			Http.Response sent = send("create-fay", CREATE, fay);
			assertThat(sent.object("createUser")).containsEntry("id", ids.get(0));
		} finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aKeyThatIsNotOneIsRefusedBeforeAnythingRuns() {
		long before = appended();
		Http.Response tooLong = send("k".repeat(256), CREATE, Map.of("in", Map.of("handle", "gus1", "name", "Gus")));
		assertThat(tooLong.code()).isEqualTo("VALIDATION");
		assertThat(tooLong.field()).isEqualTo("Idempotency-Key");
		assertThat(tooLong.errors().get(0).get("message").toString()).contains("1 to 255 printable ASCII characters");
		assertThat(appended()).isEqualTo(before);
		assertThat(send("k".repeat(256), "{ users { nodes { id } } }", Map.of()).errors()).as("a query ignores the key").isEmpty();
	}

	@Test
	void aCustomMutationSentWithAKeyIsRefusedSayingWhy() {
		Http.Response ping = send("ping-1", "mutation { ping }", Map.of());
		assertThat(ping.code()).isEqualTo("VALIDATION");
		assertThat(ping.errors().get(0).get("message").toString()).contains("ping is a custom mutation").contains("without the key");
		assertThat(send(null, "mutation { ping }", Map.of()).data()).containsEntry("ping", "pong");
	}
}
