package dev.byron.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.ReactionDef;

/** The examples are valid without a single warning, and say what they are meant to say. */
class ExamplesTest {

	@Test
	void microblog() throws Exception {
		LoadResult result = ByronLoader.create().load(TestModels.examples().resolve("microblog"));
		assertThat(result.diagnostics()).isEmpty();
		assertThat(result.model().system()).isEqualTo("microblog");
		assertThat(result.model().components()).extracting(ComponentDef::name)
				.containsExactlyInAnyOrder("accounts", "posts", "social", "likes", "timeline");
		ComponentDef timeline = result.model().component("timeline").orElseThrow();
		assertThat(timeline.reactions()).extracting(ReactionDef::event, ReactionDef::hook)
				.contains(org.assertj.core.groups.Tuple.tuple("PostCreated", "fanOut"));
	}

	@Test
	void shop() throws Exception {
		LoadResult result = ByronLoader.create().load(TestModels.examples().resolve("shop"));
		assertThat(result.diagnostics()).isEmpty();
		assertThat(result.model().components()).extracting(ComponentDef::name)
				.containsExactly("orders", "inventory", "payments", "shipping", "notifications");
		// the compensation: a failed payment cancels the order, and a cancelled order releases stock and refunds
		assertThat(result.model().component("orders").orElseThrow().reactions())
				.extracting(r -> r.component() + "." + r.event() + " -> " + r.hook())
				.contains("payments.PaymentFailed -> cancelForPayment");
		assertThat(result.model().component("inventory").orElseThrow().reactions())
				.extracting(r -> r.component() + "." + r.event() + " -> " + r.hook())
				.contains("orders.OrderCancelled -> releaseStock");
		assertThat(result.model().component("payments").orElseThrow().reactions())
				.extracting(r -> r.component() + "." + r.event() + " -> " + r.hook())
				.contains("orders.OrderCancelled -> refundOrder");
	}

	@Test
	void conference() throws Exception {
		LoadResult result = ByronLoader.create().load(TestModels.examples().resolve("conference"));
		assertThat(result.diagnostics()).isEmpty();
		ComponentDef program = result.model().component("program").orElseThrow();
		assertThat(program.hooks()).extracting(h -> h.timing() + " " + h.command() + " " + h.hook() + " by " + h.key())
				.containsExactly("BEFORE createRegistration checkCapacity by talk");
		assertThat(program.entity("Registration").orElseThrow().annotations())
				.anySatisfy(a -> assertThat(a.name()).isEqualTo("unique"));
		assertThat(result.model().component("mailer").orElseThrow().reactions())
				.extracting(r -> r.component() + "." + r.event() + " -> " + r.hook())
				.containsExactly("program.TalkFull -> announceFull");
	}
}
