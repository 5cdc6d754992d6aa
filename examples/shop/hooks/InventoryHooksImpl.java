import java.util.List;
import java.util.Map;
import java.util.Objects;

import byron.shop.inventory.InventoryHooks;
import byron.shop.inventory.InventoryStore;
import byron.shop.inventory.OrderLineReplica;
import byron.shop.inventory.Product;
import byron.shop.inventory.Reservation;
import byron.shop.inventory.StockRejected;
import byron.shop.inventory.StockReleased;
import byron.shop.inventory.StockReserved;
import byron.shop.orders.OrderCancelled;
import byron.shop.orders.OrderPlaced;
import dev.byron.runtime.spi.EventHookContext;

/** inventory: stock reserved for a placed order (all lines or none), and given back when the order is cancelled. */
public class InventoryHooksImpl implements InventoryHooks {
	@Override
	public void reserveStock(OrderPlaced placed, EventHookContext context) {
		InventoryStore store = InventoryStore.of(context);
		List<OrderLineReplica> lines = store.ordersOrderLines().where(OrderLineReplica.ORDER, placed.order());
		for (OrderLineReplica line : lines) {
			Product product = store.products().find(line.product()).orElse(null);
			if (product == null || product.stock() < line.quantity()) {
				store.publish(new StockRejected(placed.order(),
						product == null ? "unknown product" : product.sku() + " has " + product.stock() + " left"));
				return;
			}
		}
		for (OrderLineReplica line : lines) {
			addStock(store, line.product(), -line.quantity());
			store.reservations().create(new Reservation(null, placed.order(), line.product(), line.quantity()));
		}
		store.publish(new StockReserved(placed.order(), placed.total()));
	}

	@Override
	public void releaseStock(OrderCancelled cancelled, EventHookContext context) {
		InventoryStore store = InventoryStore.of(context);
		List<Reservation> reservations = store.reservations().where(Reservation.ORDER, cancelled.order());
		for (Reservation reservation : reservations) {
			addStock(store, reservation.product(), reservation.quantity());
			store.reservations().delete(reservation.id());
		}
		if (!reservations.isEmpty()) {
			store.publish(new StockReleased(cancelled.order()));
		}
	}

	/** A compare-and-set on the product's committed stock, so that no change of it is lost. */
	private static void addStock(InventoryStore store, String productId, int delta) {
		while (true) {
			Product product = store.products().find(productId).orElse(null);
			if (product == null) {
				return;
			}
			Integer before = product.stock();
			if (store.products().updateIf(productId, now -> Objects.equals(now.stock(), before),
					Map.of("stock", before + delta)).isPresent()) {
				return;
			}
		}
	}
}
