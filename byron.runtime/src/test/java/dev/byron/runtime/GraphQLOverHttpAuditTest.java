package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.gateway.Route;

/**
 * The GraphQL over HTTP specification's own audit suite (graphql-http's {@code serverAudits}, from npm) against a
 * component and the gateway: no audit fails, and each warning left is named here with the reason it stays.
 */
class GraphQLOverHttpAuditTest {
	private static final Path AUDIT = Path.of("src/test/graphql-http");

	/** Warnings (SHOULD or MAY of the specification) that Byron answers otherwise, on purpose. */
	private static final Map<String, String> KEPT = Map.of();

	@Test
	void theSpecificationsAuditsPassOnAComponentAndOnTheGateway() throws Exception {
		Tools.npmPackages(AUDIT, "graphql-http");
		String system = TestInfra.newSystem();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker).mongo(TestInfra.mongo()).start();
				Gateway gateway = Gateway.start(List.of(new Route(accounts.descriptor(), accounts.graphqlUrl())), "127.0.0.1", 0)) {
			for (String url : List.of(accounts.graphqlUrl(), gateway.url())) {
				Tools.Run audit = Tools.run(List.of("node", "audit.mjs", url), AUDIT);
				List<String> lines = audit.output().lines().filter(l -> l.matches("(ok|warn|error) .*")).toList();
				assertThat(lines).as(audit.output()).hasSizeGreaterThan(40);
				assertThat(lines).as("no audit fails at " + url).noneMatch(l -> l.startsWith("error "));
				List<String> warnings = lines.stream().filter(l -> l.startsWith("warn ")).toList();
				assertThat(warnings).as("every warning at " + url + " is one kept on purpose")
						.allMatch(l -> KEPT.containsKey(l.split(" ")[1]));
			}
		}
	}
}
