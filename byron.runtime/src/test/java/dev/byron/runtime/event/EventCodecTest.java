package dev.byron.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Events as CloudEvents 1.0, structured JSON: what the specification allows in context attributes, and round trips. */
class EventCodecTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	private static Event updated() {
		return new Event("e1", "/byron/shop/orders", "byron.shop.orders.OrderUpdated", "byron.shop.orders.Order.o1",
				Instant.parse("2026-11-30T00:00:00Z"), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "orders",
				"Order", "o1", Operation.UPDATED, List.of("status", "total"), List.of("OrderUpdated", "OrderStatusChanged"),
				Map.of("status", "PAID"));
	}

	@Test
	void everyContextAttributeIsAStringAndTheListsAreCommaSeparated() throws Exception {
		Map<String, Object> json = JSON.readValue(EventCodec.encode(updated()), Map.class);
		json.forEach((name, value) -> assertThat(name.equals("data") || value instanceof String)
				.as("attribute %s is a scalar: %s", name, value).isTrue());
		assertThat(json).containsEntry("byronchanged", "status,total").containsEntry("byronnames", "OrderUpdated,OrderStatusChanged");
	}

	@Test
	void anAttributeWithoutAValueIsLeftOutNotNull() throws Exception {
		Event domain = new Event("e2", "/byron/shop/orders", "byron.shop.orders.OrderShipped", "byron.shop.orders.domain", Instant.now(),
				null, "orders", null, null, Operation.DOMAIN, List.of(), List.of("OrderShipped"), Map.of());
		Map<String, Object> json = JSON.readValue(EventCodec.encode(domain), Map.class);
		assertThat(json).doesNotContainKeys("byronentity", "byronentityid", "byronchanged", "traceparent").doesNotContainValue(null);
	}

	@Test
	void anEventReadBackIsTheEventWritten() {
		assertThat(EventCodec.decode(EventCodec.encode(updated()))).isEqualTo(updated());
	}

	@Test
	void anEventWrittenWithArraysBeforeTheAttributesBecameScalarsIsStillRead() {
		String older = "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/byron/shop/orders\",\"type\":\"t\",\"subject\":\"s\","
				+ "\"time\":\"2026-11-30T00:00:00Z\",\"byroncomponent\":\"orders\",\"byronentity\":\"Order\",\"byronentityid\":\"o1\","
				+ "\"byronoperation\":\"UPDATED\",\"byronchanged\":[\"status\"],\"byronnames\":[\"OrderUpdated\"],\"data\":{}}";
		Event event = EventCodec.decode(older.getBytes(StandardCharsets.UTF_8));
		assertThat(event.changed()).containsExactly("status");
		assertThat(event.names()).containsExactly("OrderUpdated");
	}
}
