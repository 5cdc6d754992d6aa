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
import dev.byron.runtime.descriptor.UniqueKey;
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
		var method = Class.forName("dev.byron.runtime.command.UniqueClaims").getDeclaredMethod("key", String.class,
				UniqueKey.class, java.util.List.class);
		method.setAccessible(true);
		return (String) method.invoke(null, entity, UniqueKey.of(field), java.util.List.of(value));
	}

	@Test
	void aSingleFieldsClaimKeepsTheKeyOfTheFirstVersionsSoExistingClaimsStayValid() throws Exception {
		String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest("ada".getBytes(StandardCharsets.UTF_8)));
		assertThat(keyOf("User", "handle", "ada")).isEqualTo("User.handle." + digest);
	}

	static ComponentDescriptor registrations(String system) {
		var registration = new dev.byron.runtime.descriptor.EntityDescriptor("Registration", "Registrations", java.util.List.of(
				new dev.byron.runtime.descriptor.FieldDescriptor("attendee", dev.byron.runtime.descriptor.FieldType.scalar("String", true),
						dev.byron.runtime.descriptor.FieldRules.NONE),
				new dev.byron.runtime.descriptor.FieldDescriptor("talk", dev.byron.runtime.descriptor.FieldType.scalar("ID", true),
						dev.byron.runtime.descriptor.FieldRules.NONE),
				new dev.byron.runtime.descriptor.FieldDescriptor("email", dev.byron.runtime.descriptor.FieldType.scalar("String", false),
						dev.byron.runtime.descriptor.FieldRules.NONE.withUnique())),
				null, null, java.util.List.of(new UniqueKey(java.util.List.of("attendee", "talk"), false),
						new UniqueKey(java.util.List.of("email"), true)));
		return new ComponentDescriptor(ComponentDescriptor.FORMAT_VERSION, system, "registrations", "per-operation",
				java.util.List.of(registration), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
				java.util.List.of());
	}

	@Test
	void fieldsUniqueTogetherAdmitOneEntityPerCombinationAcrossTwoApiProcessesAndFreeItOnDelete() throws Exception {
		String system = TestInfra.newSystem();
		try (Broker broker = TestInfra.broker(system); Broker other = TestInfra.broker(system);
				ByronComponent first = ByronComponent.from(registrations(system)).broker(broker).mongo(TestInfra.mongo()).start();
				ByronComponent second = ByronComponent.from(registrations(system)).role(ByronComponent.Role.API).broker(other)
						.mongo(TestInfra.mongo()).start()) {
			java.util.List<Http.Response> responses = ConsistencyTest.race(20, i -> Http.graphql(
					(i % 2 == 0 ? first : second).graphqlUrl(), "mutation { createRegistration(input: {attendee: \"ada\", talk: \"t1\"}) { id } }",
					Map.of()));
			assertThat(responses.stream().filter(r -> r.errors().isEmpty()).count()).isEqualTo(1);
			assertThat(responses.stream().filter(r -> !r.errors().isEmpty()).map(Http.Response::code)).hasSize(19).containsOnly("CONFLICT");
			assertThat(responses.stream().filter(r -> !r.errors().isEmpty()).map(Http.Response::field)).containsOnly("attendee");
			assertThat(responses.stream().filter(r -> !r.errors().isEmpty()).findFirst().orElseThrow().errors().toString())
					.contains("Another Registration already has attendee 'ada' and talk 't1'.");

			String other1 = first.commands().create("Registration", Map.of("attendee", "ada", "talk", "t2"), null).id();
			assertThat(other1).as("the same attendee for another talk").isNotNull();
			String taken = (String) responses.stream().filter(r -> r.errors().isEmpty()).findFirst().orElseThrow()
					.object("createRegistration").get("id");
			first.commands().delete("Registration", taken, null);
			assertThat(second.commands().create("Registration", Map.of("attendee", "ada", "talk", "t1"), null).id())
					.as("free again once deleted").isNotEqualTo(taken);
		}
	}

	@Test
	void aUniqueValueThatIgnoresCaseRefusesTheSameEmailInOtherCaseAndLetsItsOwnerChangeTheCase() throws Exception {
		String system = TestInfra.newSystem();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent component = ByronComponent.from(registrations(system)).broker(broker).mongo(TestInfra.mongo()).start()) {
			String ada = component.commands().create("Registration", Map.of("attendee", "ada", "talk", "t1", "email", "Ada@Example.org"), null).id();
			assertThatThrownBy(() -> component.commands().create("Registration",
					Map.of("attendee", "bob", "talk", "t1", "email", "ada@example.ORG"), null))
					.isInstanceOfSatisfying(ByronException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
					.hasMessageContaining("(ignoring case)");
			component.commands().update("Registration", ada, Map.of("email", "ada@example.org"), null);
			assertThatThrownBy(() -> component.commands().create("Registration",
					Map.of("attendee", "bob", "talk", "t1", "email", "ADA@example.org"), null))
					.as("changing the case kept the claim").isInstanceOf(ByronException.class);
			component.commands().update("Registration", ada, Map.of("email", "lovelace@example.org"), null);
			assertThat(component.commands().create("Registration", Map.of("attendee", "bob", "talk", "t1", "email", "ADA@example.org"), null)
					.id()).as("free once its owner moved on").isNotNull();
		}
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
