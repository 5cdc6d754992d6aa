import java.util.List;
import java.util.Map;

import byron.shop.inventory.StockRejected;
import byron.shop.inventory.StockReserved;
import byron.shop.orders.Order;
import byron.shop.orders.OrderCancelled;
import byron.shop.orders.OrderLine;
import byron.shop.orders.OrderPlaced;
import byron.shop.orders.OrderStatus;
import byron.shop.orders.OrdersHooks;
import byron.shop.orders.OrdersStore;
import byron.shop.payments.PaymentCaptured;
import byron.shop.payments.PaymentFailed;
import byron.shop.shipping.Shipment;
import byron.shop.shipping.ShipmentStatus;
import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.spi.CommandHookContext;
import dev.byron.runtime.spi.EventHookContext;
import dev.byron.runtime.spi.ResolverContext;

/**
 * orders: placing and cancelling an order, and the order's way forward as the other components answer. No
 * orchestrator: each step is a reaction to another component's event; a failure is undone by cancelling.
 */
public class OrdersHooksImpl implements OrdersHooks {
	private static final List<OrderStatus> PROGRESS = List.of(OrderStatus.PENDING, OrderStatus.RESERVED, OrderStatus.PAID,
			OrderStatus.SHIPPED);

	@Override
	public Map<String, Object> checkLines(Map<String, Object> arguments, CommandHookContext context) {
		if (OrdersStore.of(context).orderLines().where(OrderLine.ORDER, (String) arguments.get("order")).isEmpty()) {
			throw ByronException.validation("order", "An order needs at least one line before it is placed.");
		}
		return arguments;
	}

	@Override
	public Order placeOrder(String id, ResolverContext context) {
		OrdersStore store = OrdersStore.of(context);
		Order order = store.orders().find(id).orElseThrow(() -> new ByronException(ErrorCode.NOT_FOUND, "No Order with id " + id + "."));
		if (order.status() != OrderStatus.PENDING) {
			throw new ByronException(ErrorCode.CONFLICT, "Order " + id + " is " + order.status() + ", not PENDING.");
		}
		double total = store.orderLines().where(OrderLine.ORDER, id).stream()
				.mapToDouble(line -> line.quantity() * line.unitPrice()).sum();
		Order placed = store.orders().update(id, Order.TOTAL, total);
		store.publish(new OrderPlaced(id, total));
		return placed;
	}

	@Override
	public Order cancelOrder(String id, String reason, ResolverContext context) {
		return cancel(OrdersStore.of(context), id, reason);
	}

	@Override
	public void markReserved(StockReserved reserved, EventHookContext context) {
		advance(OrdersStore.of(context), reserved.order(), OrderStatus.RESERVED);
	}

	@Override
	public void markPaid(PaymentCaptured captured, EventHookContext context) {
		advance(OrdersStore.of(context), captured.order(), OrderStatus.PAID);
	}

	@Override
	public void markShipped(Shipment shipment, EventHookContext context) {
		if (shipment.status() == ShipmentStatus.SHIPPED) {
			advance(OrdersStore.of(context), shipment.order(), OrderStatus.SHIPPED);
		}
	}

	@Override
	public void cancelForStock(StockRejected rejected, EventHookContext context) {
		cancel(OrdersStore.of(context), rejected.order(), "out of stock: " + rejected.reason());
	}

	@Override
	public void cancelForPayment(PaymentFailed failed, EventHookContext context) {
		cancel(OrdersStore.of(context), failed.order(), "payment failed: " + failed.reason());
	}

	/**
	 * Moves an order forward, never back and never out of CANCELLED: events of different components come on
	 * different streams, so PaymentCaptured may arrive before StockReserved.
	 */
	private static void advance(OrdersStore store, String id, OrderStatus to) {
		store.orders().updateIf(id, order -> PROGRESS.contains(order.status()) && PROGRESS.indexOf(order.status()) < PROGRESS.indexOf(to),
				Map.of("status", to.name()));
	}

	/** Cancels unless already cancelled or shipped; compare-and-set, so a concurrent change is never lost. */
	private static Order cancel(OrdersStore store, String id, String reason) {
		Order order = store.orders().find(id).orElseThrow(() -> new ByronException(ErrorCode.NOT_FOUND, "No Order with id " + id + "."));
		var cancelled = store.orders().updateIf(id,
				o -> o.status() != OrderStatus.CANCELLED && o.status() != OrderStatus.SHIPPED, Map.of("status", "CANCELLED"));
		if (cancelled.isEmpty()) {
			return order;
		}
		store.publish(new OrderCancelled(id, reason));
		return cancelled.get();
	}
}
