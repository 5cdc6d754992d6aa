package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.HookDescriptor;
import dev.byron.runtime.descriptor.OperationDescriptor;
import dev.byron.runtime.descriptor.OperationDescriptor.ParameterDescriptor;
import dev.byron.runtime.spi.Hooks;

/** Custom queries and mutations, answered by the user's resolvers, with hooks around mutations. */
class ResolverTest {

	@Test
	void customOperationsCallTheirResolversAndHooks() throws Exception {
		String system = TestInfra.newSystem();
		ComponentDescriptor base = TestDescriptors.accounts(system, new HookDescriptor("AFTER", "suspend", "audit"));
		ComponentDescriptor accounts = new ComponentDescriptor(1, system, "accounts", base.granularity(), base.entities(),
				base.enums(), base.events(), base.replicas(), base.reactions(), base.hooks(), List.of(
						new OperationDescriptor("QUERY", "byHandle", List.of(new ParameterDescriptor("prefix",
								FieldType.scalar("String", true), null), new ParameterDescriptor("first",
										FieldType.scalar("Int", false), 10)),
								new FieldType(FieldType.Kind.ENTITY, "User", "accounts", true, true, true)),
						new OperationDescriptor("MUTATION", "suspend", List.of(new ParameterDescriptor("id",
								FieldType.scalar("ID", true), null)), FieldType.reference("accounts", "User", true)),
						new OperationDescriptor("QUERY", "unimplemented", List.of(), FieldType.scalar("Int", false))));
		List<String> audit = new CopyOnWriteArrayList<>();
		List<String> callers = new CopyOnWriteArrayList<>();
		Hooks hooks = Hooks.builder()
				.resolver("byHandle", ctx -> {
					assertThat(ctx.arguments()).containsEntry("first", 10);
					return ctx.component().where("User", "name", "Same").stream()
							.filter(u -> ((String) u.get("handle")).startsWith((String) ctx.arguments().get("prefix"))).toList();
				})
				.resolver("suspend", ctx -> {
					callers.add("resolver " + ctx.caller());
					return ctx.component().update("User", (String) ctx.arguments().get("id"), Map.of("bio", "suspended"));
				})
				.command("audit", ctx -> {
					audit.add(ctx.command() + " " + ctx.state().get("handle"));
					callers.add("hook " + ctx.caller());
				})
				.build();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent component = ByronComponent.from(accounts).broker(broker).mongo(TestInfra.mongo()).hooks(hooks).start()) {
			String url = component.graphqlUrl();
			String ada = component.commands().create("User", Map.of("handle", "ada", "name", "Same"), null).id();
			component.commands().create("User", Map.of("handle", "alan", "name", "Same"), null);
			component.commands().create("User", Map.of("handle", "bob", "name", "Same"), null);

			Http.Response found = Http.graphql(url, "{ byHandle(prefix: \"a\") { handle } }", Map.of());
			assertThat(found.errors()).isEmpty();
			assertThat(found.data().get("byHandle")).isEqualTo(List.of(Map.of("handle", "ada"), Map.of("handle", "alan")));

			Http.Response suspended = Http.graphql(url, "mutation($id: ID!) { suspend(id: $id) { handle bio } }", Map.of("id", ada));
			assertThat(suspended.object("suspend")).containsEntry("bio", "suspended");
			assertThat(audit).containsExactly("suspend ada");
			assertThat(callers).containsExactly("resolver Caller[anonymous]", "hook Caller[anonymous]");

			callers.clear();
			String moderator = new dev.byron.runtime.api.Caller("mod-1", java.util.Set.of("moderator"), Map.of()).toHeader();
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", "application/json")
					.header(dev.byron.runtime.api.Caller.HEADER, moderator)
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"query\": \"mutation { suspend(id: \\\"" + ada
							+ "\\\") { bio } }\"}")).build();
			var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(answer.body()).contains("suspended");
			assertThat(callers).as("the caller the gateway passed on reaches the resolver and the hook")
					.containsExactly("resolver Caller[mod-1, roles=[moderator]]", "hook Caller[mod-1, roles=[moderator]]");

			Http.Response missing = Http.graphql(url, "{ unimplemented }", Map.of());
			assertThat(missing.code()).isEqualTo("INTERNAL");
			assertThat(missing.errors().get(0).get("message")).asString().contains("No resolver is registered for unimplemented");
		}
	}
}
