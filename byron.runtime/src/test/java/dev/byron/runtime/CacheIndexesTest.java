package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.CountLimit;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldRules;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.HookDescriptor;

/** The Cache indexes what reads select on, so that a rule's count does not read every registration. */
class CacheIndexesTest {

	@Test
	void referencesKeysAndLimitFieldsAreIndexedWhenTheComponentStarts() throws Exception {
		String system = TestInfra.newSystem();
		EntityDescriptor talk = new EntityDescriptor("Talk", "Talks",
				List.of(new FieldDescriptor("capacity", FieldType.scalar("Int", true), FieldRules.NONE)));
		EntityDescriptor registration = new EntityDescriptor("Registration", "Registrations", List.of(
				new FieldDescriptor("attendee", FieldType.scalar("String", true), FieldRules.NONE),
				new FieldDescriptor("talk", FieldType.reference("conference", "Talk", true), FieldRules.NONE),
				new FieldDescriptor("room", FieldType.scalar("String", false), FieldRules.NONE),
				new FieldDescriptor("note", FieldType.scalar("String", false), FieldRules.NONE)),
				null, null, null, List.of(new CountLimit("attendee", 3, null)));
		ComponentDescriptor conference = new ComponentDescriptor(ComponentDescriptor.FORMAT_VERSION, system, "conference",
				"per-operation", List.of(talk, registration), List.of(), List.of(), List.of(), List.of(),
				List.of(new HookDescriptor("BEFORE", "createRegistration", "check", "room")));
		try (Broker broker = TestInfra.broker(system);
				ByronComponent component = ByronComponent.from(conference).broker(broker).mongo(TestInfra.mongo()).start()) {
			List<String> indexed = new ArrayList<>();
			for (Document index : TestInfra.mongo().getDatabase(broker.names().database("conference")).getCollection("Registration")
					.listIndexes()) {
				indexed.add(index.getString("name"));
			}

			assertThat(indexed).contains("byron_talk", "byron_room", "byron_attendee").doesNotContain("byron_note");
		}
	}
}
