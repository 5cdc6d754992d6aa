package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.event.EventCodec;

/** The GraphQL contract of DESIGN.md §4 over real HTTP, and bad input refused with a code and no event. */
class ApiContractTest {
	static Broker broker;
	static ByronComponent accounts;
	static String url;

	@BeforeAll
	static void start() throws Exception {
		String system = TestInfra.newSystem();
		broker = TestInfra.broker(system);
		accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker).mongo(TestInfra.mongo()).start();
		url = accounts.graphqlUrl();
	}

	@AfterAll
	static void stop() throws Exception {
		accounts.close();
		broker.close();
	}

	static Http.Response createUser(String handle, String name) {
		return Http.graphql(url, "mutation($in: UserInput!) { createUser(input: $in) { id handle name joinedAt } }",
				Map.of("in", Map.of("handle", handle, "name", name)));
	}

	long streamMessages() throws Exception {
		return broker.management().getStreamInfo(broker.names().stream("accounts")).getStreamState().getMsgCount();
	}

	@Test
	@SuppressWarnings("unchecked")
	void createReadUpdateListDelete() {
		Http.Response created = createUser("ada", "Ada Lovelace");
		assertThat(created.errors()).isEmpty();
		Map<String, Object> user = created.object("createUser");
		String id = (String) user.get("id");
		assertThat(user).containsEntry("handle", "ada").containsEntry("name", "Ada Lovelace");
		assertThat((String) user.get("joinedAt")).as("@default(now)").matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

		Http.Response read = Http.graphql(url, "query($id: ID!) { user(id: $id) { id handle bio } }", Map.of("id", id));
		assertThat(read.object("user")).containsEntry("handle", "ada").containsEntry("bio", null);

		Http.Response updated = Http.graphql(url, "mutation($id: ID!) { updateUser(id: $id, input: {bio: \"first programmer\"}) { handle bio } }",
				Map.of("id", id));
		assertThat(updated.object("updateUser")).containsEntry("handle", "ada").containsEntry("bio", "first programmer");

		createUser("grace", "Grace Hopper");
		createUser("alan", "Alan Turing");
		Http.Response page1 = Http.graphql(url, "{ users(first: 2) { nodes { handle } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }", Map.of());
		Map<String, Object> connection = page1.object("users");
		@SuppressWarnings("unchecked")
		Map<String, Object> pageInfo = (Map<String, Object>) connection.get("pageInfo");
		assertThat((List<?>) connection.get("nodes")).hasSize(2);
		assertThat(pageInfo).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", false);
		List<Map<String, Object>> firstEdges = (List<Map<String, Object>>) connection.get("edges");
		assertThat(pageInfo).as("Relay's PageInfo: the cursors of the first and last edge")
				.containsEntry("startCursor", firstEdges.get(0).get("cursor")).containsEntry("endCursor", firstEdges.get(1).get("cursor"));
		Http.Response page2 = Http.graphql(url, "query($after: String) { users(first: 2, after: $after) { nodes { handle } "
				+ "pageInfo { hasNextPage hasPreviousPage } } }", Map.of("after", pageInfo.get("endCursor")));
		assertThat((Map<String, Object>) page2.object("users").get("pageInfo")).as("edges before 'after' exist")
				.containsEntry("hasPreviousPage", true).containsEntry("hasNextPage", false);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rest = (List<Map<String, Object>>) page2.object("users").get("nodes");
		assertThat(rest).isNotEmpty();

		Http.Response deleted = Http.graphql(url, "mutation($id: ID!) { deleteUser(id: $id) }", Map.of("id", id));
		assertThat(deleted.data()).containsEntry("deleteUser", id);
		assertThat(Http.graphql(url, "query($id: ID!) { user(id: $id) { id } }", Map.of("id", id)).data()).containsEntry("user", null);
		assertThat(Http.graphql(url, "mutation($id: ID!) { deleteUser(id: $id) }", Map.of("id", id)).code()).isEqualTo("NOT_FOUND");
	}

	@Test
	void fieldValidationHasCodeAndFieldAndAppendsNothing() throws Exception {
		long before = streamMessages();
		Http.Response badHandle = createUser("No Spaces Allowed", "x");
		assertThat(badHandle.code()).isEqualTo("VALIDATION");
		assertThat(badHandle.field()).isEqualTo("handle");
		Http.Response longName = createUser("longname", "x".repeat(51));
		assertThat(longName.code()).isEqualTo("VALIDATION");
		assertThat(longName.field()).isEqualTo("name");
		Http.Response oversize = createUser("huge", "y".repeat(200_000));
		assertThat(oversize.code()).isEqualTo("VALIDATION");
		Http.Response age = Http.graphql(url, "mutation { createUser(input: {handle: \"old\", name: \"Old\", age: 200}) { id } }", Map.of());
		assertThat(age.code()).isEqualTo("VALIDATION");
		assertThat(age.field()).isEqualTo("age");
		assertThat(streamMessages()).as("no event appended").isEqualTo(before);
	}

	@Test
	void malformedRequestsGetValidationErrorsAndAppendNothing() throws Exception {
		long before = streamMessages();
		assertThat(Http.graphql(url, "mutation { createUser(input: {handle: \"x\"", Map.of()).code()).isEqualTo("VALIDATION");
		assertThat(Http.graphql(url, "{ users { nope } }", Map.of()).code()).isEqualTo("VALIDATION");
		assertThat(Http.graphql(url, "mutation { createUser(input: {handle: 42, name: \"n\"}) { id } }", Map.of()).code())
				.isEqualTo("VALIDATION");
		assertThat(Http.graphql(url, "mutation { createUser(input: {handle: \"abc\", name: \"n\", color: \"red\"}) { id } }",
				Map.of()).code()).isEqualTo("VALIDATION");
		Http.Response unknownField = Http.graphql(url, "mutation($in: UserInput!) { createUser(input: $in) { id } }",
				Map.of("in", Map.of("handle", "abc", "name", "n", "color", "red")));
		assertThat(unknownField.code()).isEqualTo("VALIDATION");
		assertThat(unknownField.errors().get(0).get("message").toString()).as("no stray space at the end").doesNotEndWith(" ");
		Http.Response notJson = Http.raw(url, "{not json", null);
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.code()).isEqualTo("VALIDATION");
		Http.Response array = Http.raw(url, "[{\"query\": \"{ users { nodes { id } } }\"}]", null);
		assertThat(array.status()).isEqualTo(400);
		assertThat(array.errors().get(0).get("message").toString()).as("no Java type names")
				.isEqualTo("The body must be a JSON object: {\"query\": ..., \"variables\": {...}}.");
		assertThat(Http.graphql(url, "query($id: ID!) { user(id: $id) { id } }", Map.of()).code()).isEqualTo("VALIDATION");
		Http.Response twice = Http.raw(url, "{\"query\": \"{ __typename }\", \"query\": \"mutation { createUser(input: {handle: \\\"dup\\\","
				+ " name: \\\"D\\\"}) { id } }\"}", null);
		assertThat(twice.status()).as("a key given twice is not a choice the server makes").isEqualTo(400);
		assertThat(twice.errors().get(0).get("message").toString()).contains("key twice");
		assertThat(Http.raw(url, "{\"query\": \"{ __typename }\"} trailing", null).status()).isEqualTo(400);
		String create = "{\"query\": \"mutation($h: String!) { createUser(input: {handle: $h, name: \\\"U\\\"}) { id } }\", \"variables\": {\"h\": \"";
		byte[] overlong = (create + "ab\u0000\"}}").getBytes(StandardCharsets.UTF_8);
		int at = new String(overlong, StandardCharsets.UTF_8).indexOf('\u0000');
		byte[] withOverlong = new byte[overlong.length + 1];
		System.arraycopy(overlong, 0, withOverlong, 0, at);
		withOverlong[at] = (byte) 0xC0; // an overlong '/': lenient decoders read it as a slash
		withOverlong[at + 1] = (byte) 0xAF;
		System.arraycopy(overlong, at + 1, withOverlong, at + 2, overlong.length - at - 1);
		java.net.http.HttpResponse<String> malformed = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(url)).header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(withOverlong)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
		assertThat(malformed.body()).contains("UTF-8");
		Http.Response half = Http.raw(url, create + "x\\ud800y\"}}", null);
		assertThat(half.status()).as("half a character").isEqualTo(400);
		Http.Response literal = Http.graphql(url, "{ users(first: \"ten\") { nodes { id } } }", Map.of());
		assertThat(literal.errors().get(0).get("message").toString()).as("no parser classes in messages")
				.doesNotContain("StringValue").doesNotContain("IntValue").doesNotContain("AST").contains("\"ten\"");
		assertThat(streamMessages()).isEqualTo(before);
		assertThat(Http.raw(url, "{\"query\": \"" + "{ users { nodes { id } } }".repeat(1) + "\", \"x\": \"" + "z".repeat(1_100_000) + "\"}",
				null).status()).isEqualTo(413);
	}

	@Test
	void eventsAreCloudEventsThatCarryTheCallersTrace() throws Exception {
		String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		Http.Response created = Http.post(url, Map.of("query", "mutation { createUser(input: {handle: \"traced\", name: \"T\"}) { id } }"),
				traceparent);
		String id = (String) created.object("createUser").get("id");
		var stored = broker.management().getLastMessage(broker.names().stream("accounts"),
				broker.names().entitySubject("accounts", "User", id));
		Map<?, ?> json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(stored.getData(), Map.class);
		assertThat(json.get("specversion")).isEqualTo("1.0");
		assertThat(json.get("type")).isEqualTo("accounts.UserCreated");
		assertThat((String) json.get("source")).endsWith("/accounts");
		assertThat(json.get("subject")).isEqualTo(broker.names().entitySubject("accounts", "User", id));
		assertThat(json.get("id")).isNotNull();
		assertThat(json.get("time")).isNotNull();
		assertThat((String) json.get("traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-").isNotEqualTo(traceparent);
		assertThat(EventCodec.decode(stored.getData()).data()).containsEntry("handle", "traced");
	}

	@Test
	void healthAndMetrics() {
		String base = url.replace("/graphql", "");
		assertThat(Http.get(base + "/health/live").statusCode()).isEqualTo(200);
		var ready = Http.get(base + "/health/ready");
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"broker\":\"up\"").contains("\"cache\":\"up\"");
		createUser("metered", "M");
		assertThat(Http.get(base + "/metrics").body()).contains("byron_sink_events_total");
		assertThat(Http.get(url).statusCode()).isEqualTo(405);
	}

	@Test
	void answersRepeatNoHugeValueNoNulIsStoredAndNoLibraryClassIsNamed() throws Exception {
		Http.Response nul = createUser("nul_test", "Ada\u0000Lovelace");
		assertThat(nul.code()).isEqualTo("VALIDATION");
		assertThat(nul.errors().toString()).contains("NUL character");

		String huge = "x".repeat(1_000_000);
		Http.Response missing = Http.graphql(url, "mutation($id: ID!) { deleteUser(id: $id) }", Map.of("id", huge));
		assertThat(missing.code()).isEqualTo("NOT_FOUND");
		String message = String.valueOf(missing.errors().get(0).get("message"));
		assertThat(message).contains("(1000000 characters)");
		assertThat(message.length()).isLessThan(300);

		var client = java.net.http.HttpClient.newHttpClient();
		String longNumber = "{\"query\": \"{ __typename }\", \"variables\": {\"n\": " + "9".repeat(5_000) + "}}";
		var answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(longNumber)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("number or string length").doesNotContain("StreamReadConstraints").doesNotContain("com.fasterxml")
				.doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+");
	}

	@Test
	void aClientThatAcceptsTheGraphQLResponseTypeGetsItWithStatusCodes() {
		Map<String, String> modern = Map.of("Accept", "application/graphql-response+json, application/json;q=0.9");
		var answered = Http.exchange(url, "{\"query\": \"{ users { nodes { handle } } }\"}", modern);
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.headers().firstValue("Content-Type")).hasValue("application/graphql-response+json; charset=utf-8");
		var invalid = Http.exchange(url, "{\"query\": \"{ users { nope } }\"}", modern);
		assertThat(invalid.statusCode()).as("not executed: no data, so a 4xx").isEqualTo(400);
		assertThat(invalid.body()).contains("VALIDATION").doesNotContain("\"data\"");
		var legacy = Http.exchange(url, "{\"query\": \"{ users { nope } }\"}", Map.of("Accept", "application/json"));
		assertThat(legacy.statusCode()).isEqualTo(200);
		assertThat(legacy.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
		assertThat(Http.exchange(url, "{\"query\": \"{ users { nodes { handle } } }\"}", Map.of("Accept", "text/plain")).statusCode())
				.isEqualTo(406);
	}

	@Test
	void anInputMissingARequiredFieldIsNamedWithoutTheParsersSyntaxTree() {
		Http.Response missing = Http.graphql(url, "mutation { createUser(input: {name: \"No handle\"}) { id } }", Map.of());
		assertThat(missing.code()).isEqualTo("VALIDATION");
		assertThat(missing.errors().get(0).get("message").toString()).contains("argument 'input' is missing the required input fields [handle]")
				.doesNotContain("ObjectValue").doesNotContain("ObjectField");
	}

	@Test
	void aValueOfTheWrongKindOrAFieldTheInputLacksIsNamedInGraphQLTermsNotJavaClasses() {
		Http.Response object = Http.graphql(url, "mutation($in: UserInput!) { createUser(input: $in) { id } }",
				Map.of("in", Map.of("handle", Map.of("nested", 1), "name", "N")));
		assertThat(object.code()).isEqualTo("VALIDATION");
		assertThat(object.errors().get(0).get("message").toString()).contains("but it was an object").doesNotContain("LinkedHashMap");
		Http.Response number = Http.graphql(url, "mutation($in: UserInput!) { createUser(input: $in) { id } }",
				Map.of("in", Map.of("handle", 12.5, "name", "N")));
		assertThat(number.errors().get(0).get("message").toString()).contains("but it was a number").doesNotContain("Double");
		Http.Response notAnObject = Http.graphql(url, "mutation($in: UserInput!) { createUser(input: $in) { id } }", Map.of("in", 5));
		assertThat(notAnObject.errors().get(0).get("message").toString()).contains("Expected an object but it was a number")
				.doesNotContain("Integer").doesNotContain("'Map'");
		Http.Response unknown = Http.graphql(url, "mutation { createUser(input: {id: \"x\", handle: \"unknown_field\", name: \"N\"}) { id } }",
				Map.of());
		assertThat(unknown.code()).isEqualTo("VALIDATION");
		assertThat(unknown.errors().get(0).get("message").toString()).contains("argument 'input'", "'id'")
				.doesNotContain("ObjectValue").doesNotContain("ObjectField");
	}

	@Test
	void everyInvalidFieldOfAnInputIsReportedAtOnceEachWithItsField() throws Exception {
		long before = streamMessages();
		Http.Response refused = Http.graphql(url, "mutation($in: UserInput!) { createUser(input: $in) { id } }",
				Map.of("in", Map.of("handle", "twice_wrong", "name", "N", "bio", "x".repeat(161), "age", 200)));
		assertThat(refused.errors()).hasSize(2);
		assertThat(refused.errors().stream().<Object>map(e -> ((Map<?, ?>) e.get("extensions")).get("field")).toList())
				.containsExactly("bio", "age");
		assertThat(refused.errors()).allMatch(e -> "VALIDATION".equals(((Map<?, ?>) e.get("extensions")).get("code")));
		assertThat(streamMessages()).as("nothing appended").isEqualTo(before);
	}
}
