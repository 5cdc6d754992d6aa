import byron.shop.orders.OrderCancelled;
import byron.shop.payments.PaymentCaptured;
import byron.shop.shipping.Shipment;
import byron.shop.shipping.ShipmentStatus;
import byron.shop.shipping.ShippingHooks;
import byron.shop.shipping.ShippingStore;
import dev.byron.runtime.spi.EventHookContext;

/** shipping: a shipment is prepared for a paid order, and called off when the order is cancelled first. */
public class ShippingHooksImpl implements ShippingHooks {
	@Override
	public void createShipment(PaymentCaptured captured, EventHookContext context) {
		ShippingStore.of(context).shipments().create(
				new Shipment(null, captured.order(), "to be confirmed by the customer", ShipmentStatus.PREPARING, null));
	}

	@Override
	public void cancelShipment(OrderCancelled cancelled, EventHookContext context) {
		ShippingStore store = ShippingStore.of(context);
		for (Shipment shipment : store.shipments().where(Shipment.ORDER, cancelled.order())) {
			if (shipment.status() == ShipmentStatus.PREPARING) {
				store.shipments().update(shipment.id(), Shipment.STATUS, ShipmentStatus.CANCELLED);
			}
		}
	}
}
