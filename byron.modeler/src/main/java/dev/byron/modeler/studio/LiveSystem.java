package dev.byron.modeler.studio;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.byron.deployer.local.LocalSystem;
import dev.byron.diagram.C4Diagrams;
import dev.byron.runtime.ByronComponent;
import io.micrometer.core.instrument.Counter;

/**
 * What a running system is doing, sampled for the diagram: each component's state, the dead letters it holds,
 * and how many events a second each flow between components carried since the last sample (counted where they
 * are handled, in the subscriber's Sink). UI-free: the window samples it off the JavaFX thread.
 */
public final class LiveSystem {
	public enum State {
		RUNNING, STOPPED,
		/** Running, with events it could not handle: dead letters waiting, or retries since the last sample. */
		FAILING
	}

	public record Component(State state, long deadLetters) {
	}

	/** Components by name; event rates (per second) by the id of their arrow in the containers view. */
	public record Snapshot(Map<String, Component> components, Map<String, Double> rates) {
	}

	private final LocalSystem system;
	private Map<String, Double> handledBefore = new HashMap<>();
	private Map<String, Double> retriedBefore = new HashMap<>();
	private long sampledBefore;

	LiveSystem(LocalSystem system) {
		this.system = system;
	}

	LocalSystem system() {
		return system;
	}

	synchronized Snapshot sample() {
		long now = System.nanoTime();
		double seconds = sampledBefore == 0 ? 0 : (now - sampledBefore) / 1e9;
		Map<String, Double> handled = new HashMap<>();
		Map<String, Double> retried = new HashMap<>();
		Map<String, Component> components = new LinkedHashMap<>();
		for (Map.Entry<String, Boolean> entry : system.components().entrySet()) {
			String name = entry.getKey();
			List<ByronComponent> instances = system.instances(name);
			if (!entry.getValue() || instances.isEmpty()) {
				components.put(name, new Component(State.STOPPED, 0));
				continue;
			}
			double retries = 0;
			for (ByronComponent instance : instances) {
				for (Counter counter : instance.metrics().find("byron.sink.events").counters()) {
					String source = counter.getId().getTag("source");
					String result = counter.getId().getTag("result");
					if ("handled".equals(result)) {
						handled.merge(C4Diagrams.eventFlowId(source, name), counter.count(), Double::sum);
					} else if ("retried".equals(result)) {
						retries += counter.count();
					}
				}
			}
			retried.put(name, retries);
			long deadLetters = deadLetters(instances.get(0));
			boolean failing = deadLetters > 0 || retries > retriedBefore.getOrDefault(name, retries);
			components.put(name, new Component(failing ? State.FAILING : State.RUNNING, deadLetters));
		}
		Map<String, Double> rates = new HashMap<>();
		handled.forEach((flow, count) -> rates.put(flow,
				seconds == 0 ? 0 : Math.max(0, count - handledBefore.getOrDefault(flow, count)) / seconds));
		handledBefore = handled;
		retriedBefore = retried;
		sampledBefore = now;
		return new Snapshot(components, rates);
	}

	private static long deadLetters(ByronComponent instance) {
		try {
			return instance.sink() == null ? 0 : instance.sink().deadLetters().count();
		} catch (RuntimeException e) {
			return 0; // the broker is away for a moment: the next sample says
		}
	}
}
