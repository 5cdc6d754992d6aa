package dev.byron.runtime.gateway;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.byron.runtime.descriptor.ComponentDescriptor;

/**
 * A component behind the gateway: what it is, and where its instances' GraphQL endpoints listen. Calls go to
 * the instances in turn; on a cluster one Service address stands for them all.
 */
public final class Route {
	private final ComponentDescriptor component;
	private final List<String> instances;
	private final AtomicInteger turn = new AtomicInteger();

	public Route(ComponentDescriptor component, String graphqlUrl) {
		this(component, List.of(graphqlUrl));
	}

	public Route(ComponentDescriptor component, List<String> instances) {
		if (instances.isEmpty()) {
			throw new IllegalArgumentException(component.name() + " has no instance to route to");
		}
		this.component = component;
		this.instances = List.copyOf(instances);
	}

	public ComponentDescriptor component() {
		return component;
	}

	/** All instances, beginning with the one whose turn it is: where to go next when one refuses the connection. */
	public List<String> inTurn() {
		int first = Math.floorMod(turn.getAndIncrement(), instances.size());
		List<String> order = new java.util.ArrayList<>(instances.subList(first, instances.size()));
		order.addAll(instances.subList(0, first));
		return order;
	}
}
