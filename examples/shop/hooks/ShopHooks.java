import java.util.List;
import java.util.Map;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.spi.ComponentClient;
import dev.byron.runtime.spi.HookProvider;
import dev.byron.runtime.spi.Hooks;

/**
 * The order choreography: each component reacts to the others' events; a failure is undone by
 * compensation (a rejected stock or a failed payment cancels the order, which releases stock and refunds).
 */
public class ShopHooks implements HookProvider {
	/** Orders above this total are declined, so that the compensation path can be seen. */
	static final double CARD_LIMIT = 1000;

	@Override
	public Hooks hooks(ComponentDescriptor component) {
		return switch (component.name()) {
			case "orders" -> Hooks.builder()
					.event("markReserved", ctx -> advance(ctx.component(), order(ctx.event().data()), "RESERVED"))
					.event("markPaid", ctx -> advance(ctx.component(), order(ctx.event().data()), "PAID"))
					.event("markShipped", ctx -> {
						if ("SHIPPED".equals(ctx.event().data().get("status"))) {
							advance(ctx.component(), order(ctx.event().data()), "SHIPPED");
						}
					})
					.event("cancelForStock", ctx -> ShopResolvers.cancel(ctx.component(), order(ctx.event().data()),
							"out of stock: " + ctx.event().data().get("reason")))
					.event("cancelForPayment", ctx -> ShopResolvers.cancel(ctx.component(), order(ctx.event().data()),
							"payment failed: " + ctx.event().data().get("reason")))
					.build();
			case "inventory" -> Hooks.builder()
					.event("reserveStock", ctx -> reserve(ctx.component(), order(ctx.event().data()),
							((Number) ctx.event().data().get("total")).doubleValue()))
					.event("releaseStock", ctx -> release(ctx.component(), order(ctx.event().data())))
					.build();
			case "payments" -> Hooks.builder()
					.event("chargeOrder", ctx -> {
						// the amount travels with the events (OrderPlaced, then StockReserved): a replica read here could be stale
						String order = order(ctx.event().data());
						double total = ((Number) ctx.event().data().get("total")).doubleValue();
						if (total > CARD_LIMIT) {
							ctx.component().publish("PaymentFailed", Map.of("order", order, "reason", "card declined above " + CARD_LIMIT));
							return;
						}
						Map<String, Object> payment = ctx.component().create("Payment",
								Map.of("order", order, "amount", total, "status", "CAPTURED"));
						ctx.component().publish("PaymentCaptured", Map.of("order", order, "payment", payment.get("id")));
					})
					.event("refundOrder", ctx -> {
						String order = order(ctx.event().data());
						for (Map<String, Object> payment : ctx.component().where("Payment", "order", order)) {
							if ("CAPTURED".equals(payment.get("status"))) {
								ctx.component().update("Payment", (String) payment.get("id"), Map.of("status", "REFUNDED"));
								ctx.component().publish("PaymentRefunded", Map.of("order", order, "payment", payment.get("id")));
							}
						}
					})
					.build();
			case "shipping" -> Hooks.builder()
					.event("createShipment", ctx -> ctx.component().create("Shipment",
							Map.of("order", order(ctx.event().data()), "address", "to be confirmed by the customer", "status", "PREPARING")))
					.event("cancelShipment", ctx -> {
						for (Map<String, Object> shipment : ctx.component().where("Shipment", "order", order(ctx.event().data()))) {
							if ("PREPARING".equals(shipment.get("status"))) {
								ctx.component().update("Shipment", (String) shipment.get("id"), Map.of("status", "CANCELLED"));
							}
						}
					})
					.build();
			case "notifications" -> Hooks.builder()
					.event("confirmOrder", ctx -> tell(ctx.component(), order(ctx.event().data()), "We received your order",
							"Total: " + ctx.event().data().get("total")))
					.event("apologize", ctx -> tell(ctx.component(), order(ctx.event().data()), "Your order was cancelled",
							String.valueOf(ctx.event().data().get("reason"))))
					.event("askForNewPayment", ctx -> tell(ctx.component(), order(ctx.event().data()), "Your payment failed",
							"Please pay again: " + ctx.event().data().get("reason")))
					.event("notifyShipment", ctx -> tell(ctx.component(), order(ctx.event().data()), "Your shipment is "
							+ String.valueOf(ctx.event().data().get("status")).toLowerCase(), "Tracking follows."))
					.build();
			default -> Hooks.NONE;
		};
	}

	static String order(Map<String, Object> data) {
		return (String) data.get("order");
	}

	private static final List<String> PROGRESS = List.of("PENDING", "RESERVED", "PAID", "SHIPPED");

	/**
	 * Moves an order forward, never back and never out of CANCELLED: events of different components come on
	 * different streams, so PaymentCaptured may arrive before StockReserved.
	 */
	private static void advance(ComponentClient orders, String id, String to) {
		orders.updateIf("Order", id, o -> PROGRESS.indexOf((String) o.get("status")) >= 0
				&& PROGRESS.indexOf((String) o.get("status")) < PROGRESS.indexOf(to), Map.of("status", to));
	}

	private static void reserve(ComponentClient inventory, String order, double total) {
		List<Map<String, Object>> lines = inventory.replicaWhere("orders", "OrderLine", "order", order);
		for (Map<String, Object> line : lines) {
			Map<String, Object> product = inventory.find("Product", (String) line.get("product")).orElse(null);
			int wanted = ((Number) line.get("quantity")).intValue();
			if (product == null || ((Number) product.get("stock")).intValue() < wanted) {
				inventory.publish("StockRejected", Map.of("order", order,
						"reason", (product == null ? "unknown product" : product.get("sku") + " has " + product.get("stock") + " left")));
				return;
			}
		}
		for (Map<String, Object> line : lines) {
			String product = (String) line.get("product");
			int wanted = ((Number) line.get("quantity")).intValue();
			int stock = ((Number) inventory.find("Product", product).orElseThrow().get("stock")).intValue();
			inventory.update("Product", product, Map.of("stock", stock - wanted));
			inventory.create("Reservation", Map.of("order", order, "product", product, "quantity", wanted));
		}
		inventory.publish("StockReserved", Map.of("order", order, "total", total));
	}

	private static void release(ComponentClient inventory, String order) {
		List<Map<String, Object>> reservations = inventory.where("Reservation", "order", order);
		for (Map<String, Object> reservation : reservations) {
			String product = (String) reservation.get("product");
			inventory.find("Product", product).ifPresent(p -> inventory.update("Product", product,
					Map.of("stock", ((Number) p.get("stock")).intValue() + ((Number) reservation.get("quantity")).intValue())));
			inventory.delete("Reservation", (String) reservation.get("id"));
		}
		if (!reservations.isEmpty()) {
			inventory.publish("StockReleased", Map.of("order", order));
		}
	}

	private static void tell(ComponentClient notifications, String order, String subject, String body) {
		Map<String, Object> replica = replicatedOrder(notifications, order);
		notifications.create("Notification", Map.of("recipient", replica.get("email"), "subject", subject, "body", body));
	}

	/**
	 * The order as this component's replica knows it. Events of different components arrive on different
	 * streams, so a reaction may run before the replica has the order: failing makes the Sink retry later.
	 */
	private static Map<String, Object> replicatedOrder(ComponentClient component, String order) {
		return component.replica("orders", "Order", order)
				.orElseThrow(() -> new IllegalStateException("order " + order + " is not replicated here yet; retrying"));
	}
}
