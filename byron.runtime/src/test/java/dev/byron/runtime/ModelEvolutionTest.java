package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldRules;
import dev.byron.runtime.descriptor.FieldType;

/** A model that grows while its data stays: what entities stored under the older model look like under the newer. */
class ModelEvolutionTest {

	private static ComponentDescriptor notes(String system, FieldDescriptor... added) {
		List<FieldDescriptor> fields = new java.util.ArrayList<>(
				List.of(new FieldDescriptor("text", FieldType.scalar("String", true), FieldRules.NONE)));
		fields.addAll(List.of(added));
		return new ComponentDescriptor(ComponentDescriptor.FORMAT_VERSION, system, "board", "per-operation",
				List.of(new EntityDescriptor("Note", "Notes", fields)), List.of(), List.of(), List.of(), List.of(), List.of());
	}

	/** A new system whose board holds one note, written by the model before any field was added; its name. */
	private static String aNoteWrittenUnderTheFirstModel() throws Exception {
		String system = TestInfra.newSystem();
		try (Broker broker = TestInfra.broker(system);
				ByronComponent before = ByronComponent.from(notes(system)).broker(broker).mongo(TestInfra.mongo()).start()) {
			before.commands().create("Note", Map.of("text", "written before"), null);
		}
		return system;
	}

	@Test
	void aRequiredFieldAddedWithADefaultReadsAsItsDefaultOnEntitiesStoredBeforeIt() throws Exception {
		String system = aNoteWrittenUnderTheFirstModel();
		FieldDescriptor pinned = new FieldDescriptor("pinned", FieldType.scalar("Boolean", true),
				new FieldRules(false, null, null, null, null, null, false));
		try (Broker broker = TestInfra.broker(system);
				ByronComponent after = ByronComponent.from(notes(system, pinned)).broker(broker).mongo(TestInfra.mongo()).start()) {
			Http.Response read = Http.graphql(after.graphqlUrl(), "{ notes { nodes { text pinned } } }", Map.of());

			assertThat(read.errors()).isEmpty();
			assertThat(read.object("notes").get("nodes")).isEqualTo(List.of(Map.of("text", "written before", "pinned", false)));
		}
	}

	@Test
	void aRequiredFieldAddedWithoutADefaultIsReportedOnOldEntitiesAsStoredDataSayingWhatToDo() throws Exception {
		String system = aNoteWrittenUnderTheFirstModel();
		FieldDescriptor author = new FieldDescriptor("author", FieldType.scalar("String", true), FieldRules.NONE);
		try (Broker broker = TestInfra.broker(system);
				ByronComponent after = ByronComponent.from(notes(system, author)).broker(broker).mongo(TestInfra.mongo()).start()) {
			Http.Response read = Http.graphql(after.graphqlUrl(), "{ notes { nodes { text author } } }", Map.of());

			assertThat(read.code()).isEqualTo("INTERNAL");
			assertThat(read.errors().get(0).get("message").toString())
					.startsWith("The stored data has no value for 'author' at /notes/nodes[0]/author, which the model requires")
					.contains("@default").doesNotContain("wrongly returned");
		}
	}
}
