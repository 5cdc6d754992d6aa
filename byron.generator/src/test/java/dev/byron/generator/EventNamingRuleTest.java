package dev.byron.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.Source;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.EntityDef;
import dev.byron.dsl.api.model.EventDef;
import dev.byron.dsl.api.model.FieldDef;
import dev.byron.runtime.command.EventNames;

/**
 * The CRUD event naming rule lives twice: in the language (what a subscription may name, `Models.crudEvents`) and
 * in the runtime (what an append is published as, `EventNames`), which must not read models. This ties them: for
 * every granularity, the names the checker accepts are exactly the names the runtime publishes.
 */
class EventNamingRuleTest {
	@Test
	void theLanguageAndTheRuntimeNameTheCrudEventsOfEveryGranularityAlike() {
		var loaded = ByronLoader.create().loadSources(List.of(new Source(Path.of("m.byron"), """
				system s
				component orders {
				  entity Order { total: Int!  status: String }
				}
				component parcels {
				  events per-entity
				  entity Parcel { weight: Int!  label: String }
				}
				component shipping {
				  events per-field
				  entity Shipment { status: String!  trackingCode: String  eta: DateTime }
				}
				""")));
		assertThat(loaded.errors()).isEmpty();
		assertThat(loaded.model().components()).hasSize(3);
		for (ComponentDef component : loaded.model().components()) {
			for (EntityDef entity : component.entities()) {
				List<String> language = component.events().stream().filter(e -> e.kind() != EventDef.Kind.DOMAIN)
						.filter(e -> entity.name().equals(e.entity())).map(EventDef::name).toList();
				String granularity = GenerationInput.of(loaded.model()).descriptors().stream()
						.filter(d -> d.name().equals(component.name())).findFirst().orElseThrow().granularity();
				List<String> runtime = EventNames.all(granularity, entity.name(), entity.fields().stream().map(FieldDef::name).toList());
				assertThat(language).as(component.name() + " (" + granularity + ")").containsExactlyElementsOf(runtime);
			}
		}
	}
}
