package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.OperationDescriptor;
import dev.byron.runtime.descriptor.OperationDescriptor.ParameterDescriptor;
import dev.byron.runtime.spi.Hooks;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.gateway.Route;

/** One endpoint for the whole system, routing each root field to its component, over real HTTP. */
class GatewayTest {

	@Test
	@SuppressWarnings("unchecked")
	void theGatewayServesTheUnionRoutesFieldsPassesErrorsAndIsolatesFailures() throws Exception {
		String system = TestInfra.newSystem();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker).mongo(TestInfra.mongo()).start();
				ByronComponent posts = ByronComponent.from(TestDescriptors.posts(system)).broker(broker).mongo(TestInfra.mongo()).start();
				Gateway gateway = Gateway.start(List.of(new Route(accounts.descriptor(), accounts.graphqlUrl()),
						new Route(posts.descriptor(), posts.graphqlUrl())), "127.0.0.1", 0)) {
			String url = gateway.url();
			Http.Response created = Http.graphql(url, "mutation($in: UserInput!) { ada: createUser(input: $in) { id ...Who } } "
					+ "fragment Who on User { handle name }", Map.of("in", Map.of("handle", "ada", "name", "Ada")));
			assertThat(created.errors()).isEmpty();
			String ada = (String) created.object("ada").get("id");
			assertThat(created.object("ada")).containsEntry("handle", "ada");
			Await.until("posts knows ada", () -> posts.cache().find(Cache.replicaCollection("accounts", "User"), ada).isPresent());

			Http.Response both = Http.graphql(url, "mutation($a: ID!) { createPost(input: {author: $a, text: \"hi\"}) { id } "
					+ "again: createUser(input: {handle: \"ada\", name: \"Other\"}) { id } }", Map.of("a", ada));
			assertThat(both.object("createPost")).containsKey("id");
			assertThat(both.data()).as("createUser returns a nullable User: its failure nulls it alone").containsEntry("again", null);
			assertThat(both.code()).as("the component's error passes through").isEqualTo("CONFLICT");
			assertThat(both.errors().get(0)).as("where in the client's query: the path, not lines of the text the component got")
					.containsEntry("path", List.of("again")).doesNotContainKey("locations");

			Http.Response query = Http.graphql(url, "{ users { nodes { handle } } posts { nodes { text author { handle } } } __typename }", Map.of());
			assertThat(query.errors()).isEmpty();
			assertThat(query.data().keySet()).containsExactly("users", "posts", "__typename");
			assertThat(((Map<String, Object>) query.data().get("posts")).get("nodes"))
					.isEqualTo(List.of(Map.of("text", "hi", "author", Map.of("handle", "ada"))));

			assertThat(Http.graphql(url, "{ users { nodes { nope } } }", Map.of()).code()).isEqualTo("VALIDATION");
			Http.Response notReplicated = Http.graphql(url, "{ posts { nodes { author { handle bio } } } }", Map.of());
			assertThat(notReplicated.code()).as("the gateway's User has bio; posts' replica of it does not").isEqualTo("VALIDATION");
			assertThat(notReplicated.errors().get(0).get("message").toString()).isEqualTo("posts answers accounts.User from its replica, "
					+ "which holds handle, name: 'bio' is not among them (at posts.nodes.author.bio). Add it to 'replicate accounts.User "
					+ "{ ... }' in posts, or select it through a query of component accounts (User by id) as another root field of the"
					+ " request: a reference does not fetch from its owner.");
			var unfit = Http.exchange(url, "{\"query\": \"mutation($in: UserInput!) { createUser(input: $in) { id } }\", "
					+ "\"variables\": {\"in\": {\"name\": \"no handle\"}}}", Map.of("Accept", "application/graphql-response+json"));
			assertThat(unfit.statusCode()).as("variables that do not fit: not executed, so no data and a 400").isEqualTo(400);
			assertThat(unfit.body()).contains("handle").doesNotContain("\"data\"");
			Http.Response syntax = Http.graphql(url, "{ users { ", Map.of());
			assertThat(syntax.code()).isEqualTo("VALIDATION");
			assertThat(syntax.errors().get(0).get("message").toString()).startsWith("Invalid syntax").doesNotContain("Invalid syntax: Invalid");
			assertThat(syntax.errors().get(0).get("locations")).as("in the client's own text").isEqualTo(List.of(Map.of("line", 1, "column", 11)));
			Http.Response huge = Http.graphql(url, "{ users { nodes { handle } } }" + " ".repeat(100_001), Map.of());
			assertThat(huge.code()).isEqualTo("VALIDATION");
			assertThat(huge.errors().get(0).get("message").toString()).contains("characters long; the gateway accepts at most 100000");
			StringBuilder wide = new StringBuilder("{");
			for (int i = 0; i < 600; i++) {
				wide.append(" u").append(i).append(": users { nodes { handle } }");
			}
			Http.Response tooMany = Http.graphql(url, wide.append(" }").toString(), Map.of());
			assertThat(tooMany.code()).isEqualTo("VALIDATION");
			assertThat(tooMany.errors().get(0).get("message").toString())
					.contains("The query selects 1800 fields (fragments expanded); the gateway accepts at most 1000");
			Http.Response introspection = Http.graphql(url, "{ __schema { queryType { name } mutationType { fields { name } } } }", Map.of());
			assertThat(introspection.errors()).isEmpty();
			assertThat(introspection.data().toString()).contains("createUser").contains("createPost");

			var page = Http.get(url);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("GraphiQL").contains("/graphiql/graphiql.min.js");
			assertThat(Http.get(url.replace("/graphql", "/graphiql/graphiql.min.js")).body()).hasSizeGreaterThan(100_000);

			accounts.close();
			Http.Response partial = Http.graphql(url, "{ users { nodes { handle } } posts { nodes { text } } }", Map.of());
			assertThat(partial.data()).containsEntry("users", null);
			assertThat(((Map<String, Object>) partial.data().get("posts")).get("nodes")).isEqualTo(List.of(Map.of("text", "hi")));
			assertThat(partial.code()).isEqualTo("UNAVAILABLE");
			assertThat(partial.errors().get(0).get("path")).isEqualTo(List.of("users"));
		}
	}

	@Test
	void aNonNullRootFieldThatFailsMakesTheWholeDataNullAsTheSpecPropagatesIt() throws Exception {
		String system = TestInfra.newSystem();
		ComponentDescriptor base = TestDescriptors.accounts(system);
		ComponentDescriptor accounts = new ComponentDescriptor(1, system, "accounts", base.granularity(), base.entities(),
				base.enums(), base.events(), base.replicas(), base.reactions(), base.hooks(), List.of(
						new OperationDescriptor("QUERY", "quota", List.of(), FieldType.scalar("Int", true)),
						new OperationDescriptor("MUTATION", "suspend", List.of(new ParameterDescriptor("id", FieldType.scalar("ID", true),
								null)), FieldType.reference("accounts", "User", true))));
		Hooks hooks = Hooks.builder()
				.resolver("quota", ctx -> {
					throw new ByronException(ErrorCode.CONFLICT, "no quota today");
				})
				.resolver("suspend", ctx -> {
					throw new ByronException(ErrorCode.NOT_FOUND, "no such user");
				}).build();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent component = ByronComponent.from(accounts).broker(broker).mongo(TestInfra.mongo()).hooks(hooks).start();
				Gateway gateway = Gateway.start(List.of(new Route(component.descriptor(), component.graphqlUrl())), "127.0.0.1", 0)) {
			for (String url : List.of(component.graphqlUrl(), gateway.url())) {
				Http.Response query = Http.graphql(url, "{ users { nodes { handle } } quota }", Map.of());
				assertThat(query.body()).as("quota is Int! at " + url).containsEntry("data", null);
				assertThat(query.code()).isEqualTo("CONFLICT");
				Http.Response mutation = Http.graphql(url, "mutation { suspend(id: \"nobody\") { handle } }", Map.of());
				assertThat(mutation.body()).as("suspend is User! at " + url).containsEntry("data", null);
				assertThat(mutation.code()).isEqualTo("NOT_FOUND");
				assertThat(Http.graphql(url, "{ users { nodes { handle } } }", Map.of()).data()).as("nullable fields stand")
						.containsKey("users");
			}
		}
	}
}
