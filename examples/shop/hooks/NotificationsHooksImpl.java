import byron.shop.notifications.Notification;
import byron.shop.notifications.NotificationsHooks;
import byron.shop.notifications.NotificationsStore;
import byron.shop.notifications.OrderReplica;
import byron.shop.orders.OrderCancelled;
import byron.shop.orders.OrderPlaced;
import byron.shop.payments.PaymentFailed;
import byron.shop.shipping.Shipment;
import dev.byron.runtime.spi.EventHookContext;

/** notifications: the customer hears of each step, at the e-mail address of the order as this component replicates it. */
public class NotificationsHooksImpl implements NotificationsHooks {
	@Override
	public void confirmOrder(OrderPlaced placed, EventHookContext context) {
		tell(NotificationsStore.of(context), placed.order(), "We received your order", "Total: " + placed.total());
	}

	@Override
	public void apologize(OrderCancelled cancelled, EventHookContext context) {
		tell(NotificationsStore.of(context), cancelled.order(), "Your order was cancelled", cancelled.reason());
	}

	@Override
	public void askForNewPayment(PaymentFailed failed, EventHookContext context) {
		tell(NotificationsStore.of(context), failed.order(), "Your payment failed", "Please pay again: " + failed.reason());
	}

	@Override
	public void notifyShipment(Shipment shipment, EventHookContext context) {
		tell(NotificationsStore.of(context), shipment.order(),
				"Your shipment is " + String.valueOf(shipment.status()).toLowerCase(), "Tracking follows.");
	}

	/**
	 * Events of different components arrive on different streams, so a reaction may run before the replica has
	 * the order: failing makes the Sink retry later.
	 */
	private static void tell(NotificationsStore store, String orderId, String subject, String body) {
		OrderReplica order = store.ordersOrders().find(orderId)
				.orElseThrow(() -> new IllegalStateException("order " + orderId + " is not replicated here yet; retrying"));
		store.notifications().create(new Notification(null, order.email(), null, subject, body, null));
	}
}
