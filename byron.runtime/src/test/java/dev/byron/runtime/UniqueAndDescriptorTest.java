package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.Descriptors;

class UniqueAndDescriptorTest {

	@Test
	void aValueIsFreeAgainOnceItsOwnerChangesItOrIsDeleted() throws Exception {
		String system = TestInfra.newSystem();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker)
						.mongo(TestInfra.mongo()).start()) {
			String ada = accounts.commands().create("User", Map.of("handle", "ada", "name", "A"), null).id();
			assertThatThrownBy(() -> accounts.commands().create("User", Map.of("handle", "ada", "name", "B"), null))
					.isInstanceOfSatisfying(ByronException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
			accounts.commands().update("User", ada, Map.of("handle", "ada2"), null);
			String other = accounts.commands().create("User", Map.of("handle", "ada", "name", "B"), null).id();
			accounts.commands().delete("User", other, null);
			assertThat(accounts.commands().create("User", Map.of("handle", "ada", "name", "C"), null).id()).isNotEqualTo(other);
		}
	}

	@Test
	void aClaimLeftByACrashBeforeTheAppendIsTakenOverAfterTheGracePeriod() throws Exception {
		String system = TestInfra.newSystem();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent accounts = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker)
						.mongo(TestInfra.mongo()).uniqueGrace(Duration.ofMillis(300)).start()) {
			// what a crashed API leaves behind: a claim for an entity whose event was never appended
			broker.bucket(broker.names().uniqueBucket("accounts"))
					.create(keyOf("User", "handle", "ghost"), "crashed-id".getBytes(StandardCharsets.UTF_8));
			Thread.sleep(600);
			assertThat(accounts.commands().create("User", Map.of("handle", "ghost", "name", "G"), null).state())
					.containsEntry("handle", "ghost");
		}
	}

	private static String keyOf(String entity, String field, String value) throws Exception {
		var method = Class.forName("dev.byron.runtime.command.UniqueClaims").getDeclaredMethod("key", String.class, String.class,
				Object.class);
		method.setAccessible(true);
		return (String) method.invoke(null, entity, field, value);
	}

	@Test
	void descriptorsRoundTripThroughJsonAndRefuseOtherFormats() {
		ComponentDescriptor posts = TestDescriptors.posts("demo");
		String json = Descriptors.toJson(posts);
		assertThat(Descriptors.fromJson(json)).isEqualTo(posts);
		assertThat(json).contains("\"replicas\"").contains("\"accounts\"");
		assertThatThrownBy(() -> Descriptors.fromJson(json.replace("\"version\" : 1", "\"version\" : 99")))
				.hasMessageContaining("format 99");
		assertThatThrownBy(() -> Descriptors.fromJson("[]")).hasMessageContaining("Not a Byron component descriptor");
	}
}
