package dev.byron.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.Source;
import dev.byron.generator.GenerationInput;
import dev.byron.runtime.descriptor.ComponentDescriptor;

/** A catalogue of model changes, each classified the way an existing client or subscriber experiences it. */
class ModelDiffTest {
	static final String BASE = """
			system s
			component orders {
			  entity Order {
			    total: Float!
			    note: String
			    status: Status! @default(OPEN)
			  }
			  enum Status { OPEN, PAID }
			  event OrderPaid {
			    order: ID!
			    amount: Float!
			  }
			  query byStatus(status: Status!): [Order!]!
			}
			component billing {
			  entity Invoice {
			    amount: Float!
			  }
			}
			""";

	static List<ComponentDescriptor> descriptors(String model) {
		LoadResult result = ByronLoader.create().loadSources(List.of(new Source(Path.of("m.byron"), model)));
		assertThat(result.errors()).as(model).isEmpty();
		return GenerationInput.of(result.model()).descriptors();
	}

	static List<Change> diff(String from, String to) {
		return ModelDiff.between(descriptors(from), descriptors(to));
	}

	@Test
	void aLimitDroppedRefusesNothing() {
		assertThat(diff(BASE.replace("entity Order {", "entity Order @limit(3, per: status) {"), BASE).stream().map(Change::toString))
				.containsExactly("DANGEROUS  api     orders.Order: limit dropped: @limit(3, per: status)");
	}

	@Test
	void aUniqueKeyDroppedRefusesNothing() {
		assertThat(diff(BASE.replace("entity Order {", "entity Order @unique(note, status) {"), BASE).stream().map(Change::toString))
				.containsExactly("DANGEROUS  api     orders.Order: unique key dropped: (note, status)");
	}

	@Test
	void theSameModelHasNoChanges() {
		assertThat(diff(BASE, BASE)).isEmpty();
	}

	static Stream<Arguments> catalogue() {
		return Stream.of(
				Arguments.of("an optional field added", BASE.replace("note: String", "note: String\n    coupon: String"),
						"safe       both    orders.Order.coupon: field added"),
				Arguments.of("a required field added without default", BASE.replace("note: String", "note: String\n    coupon: String!"),
						"BREAKING   both    orders.Order.coupon: required field added without @default: creates that omit it now fail"),
				Arguments.of("a required field added with a default", BASE.replace("note: String", "note: String\n    rush: Boolean! @default(false)"),
						"safe       both    orders.Order.rush: field added"),
				Arguments.of("a field removed", BASE.replace("    note: String\n", ""),
						"BREAKING   both    orders.Order.note: field removed: clients and subscribers that read it fail"),
				Arguments.of("a field retyped", BASE.replace("total: Float!", "total: Int!"),
						"BREAKING   both    orders.Order.total: field retyped: Float! -> Int!"),
				Arguments.of("a field that became required", BASE.replace("note: String", "note: String!"),
						"BREAKING   both    orders.Order.note: field became required: String -> String! (creates that omit it now fail)"),
				Arguments.of("a field that became optional", BASE.replace("total: Float!", "total: Float"),
						"BREAKING   both    orders.Order.total: field became optional: Float! -> Float (readers may now get null)"),
				Arguments.of("an enum value added", BASE.replace("{ OPEN, PAID }", "{ OPEN, PAID, SHIPPED }"),
						"DANGEROUS  both    orders.Status.SHIPPED: enum value added (clients that switch on it should have a default)"),
				Arguments.of("an enum value removed", BASE.replace("{ OPEN, PAID }", "{ OPEN }"),
						"BREAKING   both    orders.Status.PAID: enum value removed"),
				Arguments.of("an event renamed", BASE.replace("event OrderPaid", "event PaymentTaken"),
						"BREAKING   events  orders.OrderPaid: event renamed to PaymentTaken: subscribers of OrderPaid receive nothing"),
				Arguments.of("an event removed", BASE.replace("  event OrderPaid {\n    order: ID!\n    amount: Float!\n  }\n", ""),
						"BREAKING   events  orders.OrderPaid: event removed: its subscribers receive nothing"),
				Arguments.of("an event's payload field removed", BASE.replace("    order: ID!\n    amount: Float!", "    order: ID!"),
						"BREAKING   events  orders.OrderPaid.amount: field removed: clients and subscribers that read it fail"),
				Arguments.of("an event's payload field added", BASE.replace("amount: Float!\n  }", "amount: Float!\n    currency: String!\n  }"),
						"safe       events  orders.OrderPaid.currency: required field added without @default: subscribers get a new field"),
				Arguments.of("the event granularity changed", BASE.replace("component orders {", "component orders {\n  events per-entity"),
						"BREAKING   events  orders: event granularity per-operation -> per-entity: the generated events are renamed"),
				Arguments.of("an entity added", BASE.replace("component billing {", "component billing {\n  entity Refund {\n    amount: Float!\n  }"),
						"safe       both    billing.Refund: entity added"),
				Arguments.of("an entity removed", BASE.replace("  entity Invoice {\n    amount: Float!\n  }\n", "  entity Credit {\n    amount: Float!\n  }\n"),
						"BREAKING   both    billing.Invoice: entity removed: its queries, mutations and events are gone"),
				Arguments.of("a component removed", BASE.substring(0, BASE.indexOf("component billing")),
						"BREAKING   both    billing: component removed: its queries, mutations and events are gone"),
				Arguments.of("a component added", BASE + "component shipping {\n  entity Parcel {\n    weight: Float!\n  }\n}\n",
						"safe       both    shipping: component added"),
				Arguments.of("a query removed", BASE.replace("  query byStatus(status: Status!): [Order!]!\n", ""),
						"BREAKING   api     orders.byStatus: query removed"),
				Arguments.of("an optional argument added", BASE.replace("byStatus(status: Status!)", "byStatus(status: Status!, first: Int)"),
						"DANGEROUS  api     orders.byStatus(first): optional argument added"),
				Arguments.of("a required argument added", BASE.replace("byStatus(status: Status!)", "byStatus(status: Status!, since: DateTime!)"),
						"BREAKING   api     orders.byStatus(since): required argument added: calls without it now fail"),
				Arguments.of("a query's result retyped", BASE.replace("): [Order!]!", "): [Order]!"),
						"BREAKING   api     orders.byStatus: result retyped: [Order!]! -> [Order]!"),
				Arguments.of("an entity that now needs a role", BASE.replace("entity Order {", "entity Order @auth(\"clerk\") {"),
						"BREAKING   api     orders.Order: @auth(\"clerk\") added: callers without the role now get FORBIDDEN"),
				Arguments.of("a field made unique", BASE.replace("note: String", "note: String @unique"),
						"BREAKING   api     orders.Order: unique key added: (note): creates and updates that repeat a value now get CONFLICT (entities stored before keep theirs)"),
				Arguments.of("fields made unique together", BASE.replace("entity Order {", "entity Order @unique(note, status) {"),
						"BREAKING   api     orders.Order: unique key added: (note, status): creates and updates that repeat a value now get CONFLICT (entities stored before keep theirs)"),
				Arguments.of("a limit added", BASE.replace("entity Order {", "entity Order @limit(3, per: status) {"),
						"BREAKING   api     orders.Order: limit added or changed: @limit(3, per: status): creates beyond it now get CONFLICT (entities stored before stay)"),
				Arguments.of("a field that now needs a role", BASE.replace("note: String", "note: String @auth(\"clerk\")"),
						"BREAKING   api     orders.Order.note: @auth(\"clerk\") added: callers without the role now get FORBIDDEN"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalogue")
	void eachChangeIsClassified(String name, String changed, String expected) {
		List<Change> changes = diff(BASE, changed);
		assertThat(changes.stream().map(Change::toString)).as(name).contains(expected);
	}

	@Test
	void accessRulesOpeningIsSafeAndClosingIsBreaking() {
		String guarded = BASE.replace("[Order!]!", "[Order!]! @auth(\"clerk\")");
		assertThat(diff(guarded, BASE).stream().map(Change::toString))
				.containsExactly("DANGEROUS  api     orders.byStatus: @auth(\"clerk\") removed: open to every caller");
		String owned = BASE.replace("note: String", "note: String\n    clerk: String").replace("entity Order {", "entity Order @owner(clerk) {");
		String withClerk = BASE.replace("note: String", "note: String\n    clerk: String");
		assertThat(diff(withClerk, owned).stream().map(Change::toString)).containsExactly(
				"BREAKING   api     orders.Order: @owner(clerk) added: callers who do not own an entity now get FORBIDDEN");
		assertThat(diff(owned, withClerk).stream().map(Change::toString))
				.containsExactly("DANGEROUS  api     orders.Order: @owner removed: any caller may change it");
	}

	@Test
	void theEventsOfARemovedEntityGoWithIt() {
		List<Change> changes = diff(BASE, BASE.replace("  entity Invoice {\n    amount: Float!\n  }\n", "  entity Credit {\n    amount: Float!\n  }\n"));
		assertThat(changes.stream().filter(c -> c.touchesEvents() && c.breaking()).map(Change::path))
				.contains("billing.Invoice", "billing.InvoiceCreated", "billing.InvoiceDeleted");
	}
}
