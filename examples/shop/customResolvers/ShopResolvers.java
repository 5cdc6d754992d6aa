import java.util.List;
import java.util.Map;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.spi.ComponentClient;
import dev.byron.runtime.spi.HookProvider;
import dev.byron.runtime.spi.Hooks;

/** placeOrder and cancelOrder, and the check that an order has lines before it is placed. */
public class ShopResolvers implements HookProvider {

	@Override
	public Hooks hooks(ComponentDescriptor component) {
		if (!component.name().equals("orders")) {
			return Hooks.NONE;
		}
		return Hooks.builder()
				.command("checkLines", ctx -> {
					if (ctx.component().where("OrderLine", "order", ctx.state().get("order")).isEmpty()) {
						throw ByronException.validation("order", "An order needs at least one line before it is placed.");
					}
				})
				.resolver("placeOrder", ctx -> {
					String id = (String) ctx.arguments().get("order");
					Map<String, Object> order = ctx.component().find("Order", id)
							.orElseThrow(() -> new ByronException(ErrorCode.NOT_FOUND, "No Order with id " + id + "."));
					if (!"PENDING".equals(order.get("status"))) {
						throw new ByronException(ErrorCode.CONFLICT, "Order " + id + " is " + order.get("status") + ", not PENDING.");
					}
					List<Map<String, Object>> lines = ctx.component().where("OrderLine", "order", id);
					double total = lines.stream()
							.mapToDouble(l -> ((Number) l.get("quantity")).doubleValue() * ((Number) l.get("unitPrice")).doubleValue()).sum();
					Map<String, Object> placed = ctx.component().update("Order", id, Map.of("total", total));
					ctx.component().publish("OrderPlaced", Map.of("order", id, "total", total));
					return placed;
				})
				.resolver("cancelOrder", ctx -> cancel(ctx.component(), (String) ctx.arguments().get("order"),
						(String) ctx.arguments().get("reason")))
				.build();
	}

	/** Cancels unless already cancelled or shipped; compare-and-set, so a concurrent change is never lost. */
	static Map<String, Object> cancel(ComponentClient orders, String id, String reason) {
		Map<String, Object> order = orders.find("Order", id)
				.orElseThrow(() -> new ByronException(ErrorCode.NOT_FOUND, "No Order with id " + id + "."));
		var cancelled = orders.updateIf("Order", id,
				o -> !"CANCELLED".equals(o.get("status")) && !"SHIPPED".equals(o.get("status")), Map.of("status", "CANCELLED"));
		if (cancelled.isEmpty()) {
			return order;
		}
		orders.publish("OrderCancelled", Map.of("order", id, "reason", reason));
		return cancelled.get();
	}
}
