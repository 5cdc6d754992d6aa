import byron.shop.inventory.StockReserved;
import byron.shop.orders.OrderCancelled;
import byron.shop.payments.Payment;
import byron.shop.payments.PaymentCaptured;
import byron.shop.payments.PaymentFailed;
import byron.shop.payments.PaymentRefunded;
import byron.shop.payments.PaymentStatus;
import byron.shop.payments.PaymentsHooks;
import byron.shop.payments.PaymentsStore;
import dev.byron.runtime.spi.EventHookContext;

/** payments: an order is charged once its stock is reserved, and refunded when it is cancelled. */
public class PaymentsHooksImpl implements PaymentsHooks {
	/** Orders above this total are declined, so that the compensation path can be seen. */
	static final double CARD_LIMIT = 1000;

	@Override
	public void chargeOrder(StockReserved reserved, EventHookContext context) {
		// the amount travels with the events (OrderPlaced, then StockReserved): a replica read here could be stale
		PaymentsStore store = PaymentsStore.of(context);
		if (reserved.total() > CARD_LIMIT) {
			store.publish(new PaymentFailed(reserved.order(), "card declined above " + CARD_LIMIT));
			return;
		}
		Payment payment = store.payments().create(new Payment(null, reserved.order(), reserved.total(), PaymentStatus.CAPTURED));
		store.publish(new PaymentCaptured(reserved.order(), payment.id()));
	}

	@Override
	public void refundOrder(OrderCancelled cancelled, EventHookContext context) {
		PaymentsStore store = PaymentsStore.of(context);
		for (Payment payment : store.payments().where(Payment.ORDER, cancelled.order())) {
			if (payment.status() == PaymentStatus.CAPTURED) {
				store.payments().update(payment.id(), Payment.STATUS, PaymentStatus.REFUNDED);
				store.publish(new PaymentRefunded(cancelled.order(), payment.id()));
			}
		}
	}
}
