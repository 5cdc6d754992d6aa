package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.Descriptors;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.gateway.GatewayConfig;

/** The gateway started from its generated configuration, with an address overridden by the environment. */
class GatewayConfigTest {
	@TempDir
	Path dir;

	@Test
	void theGatewayRunsFromItsConfigurationFile() throws Exception {
		String system = TestInfra.newSystem();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker).mongo(TestInfra.mongo()).start()) {
			Files.createDirectories(dir.resolve("components/accounts"));
			Files.writeString(dir.resolve("components/accounts/descriptor.json"), Descriptors.toJson(accounts.descriptor()));
			GatewayConfig config = new GatewayConfig(system, 0,
					List.of(new GatewayConfig.Entry("accounts", "components/accounts/descriptor.json", "http://accounts-api:8080/graphql")));
			Path file = dir.resolve("gateway.json");
			Files.writeString(file, config.toJson());
			GatewayConfig read = GatewayConfig.read(file);
			assertThat(read).isEqualTo(config);
			Map<String, String> environment = Map.of("BYRON_URL_ACCOUNTS", accounts.graphqlUrl());
			try (Gateway gateway = Gateway.start(read.routes(file, environment::get), "127.0.0.1", 0)) {
				Http.Response created = Http.graphql(gateway.url(), "mutation { createUser(input: {handle: \"cfg\", name: \"C\"}) { handle } }", Map.of());
				assertThat(created.object("createUser")).containsEntry("handle", "cfg");
			}
		}
	}

	@Test
	void limitsRoundTripAndAnOlderFileReadsWithTheDefaults() throws Exception {
		GatewayConfig limited = new GatewayConfig("s", 4000, List.of(), new dev.byron.runtime.gateway.QueryLimits(5000, 6, 70), null, null, null);
		Path file = dir.resolve("limited.json");
		Files.writeString(file, limited.toJson());
		assertThat(GatewayConfig.read(file).limits()).isEqualTo(new dev.byron.runtime.gateway.QueryLimits(5000, 6, 70));
		Path older = dir.resolve("older.json");
		Files.writeString(older, "{ \"system\": \"s\", \"port\": 4000, \"components\": [] }");
		assertThat(GatewayConfig.read(older).limits()).isEqualTo(dev.byron.runtime.gateway.QueryLimits.DEFAULT);
	}
}
