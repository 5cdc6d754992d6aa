package dev.byron.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.EntityDef;
import dev.byron.dsl.api.model.EventDef;
import dev.byron.dsl.api.model.FieldDef;
import dev.byron.dsl.api.model.HookDef;
import dev.byron.dsl.api.model.OperationDef;
import dev.byron.dsl.api.model.ReactionDef;
import dev.byron.dsl.api.model.ReplicaDef;

/**
 * The three C4 views of a model, in the architecture of the Byron monograph: clients call one GraphQL
 * gateway; the gateway routes to components; each component is an API, a Sink and a Cache around its own
 * stream on NATS JetStream, and events flow from the streams to the Sinks that subscribe to them.
 */
public final class C4Diagrams {
	static final String CLIENTS = "clients";
	static final String SYSTEM = "system";
	static final String GATEWAY = "gateway";
	static final String BROKER = "broker";

	private C4Diagrams() {
	}

	public static Diagram of(ByronModel model, C4Level level, String component) {
		return switch (level) {
		case CONTEXT -> context(model);
		case CONTAINERS -> containers(model);
		case COMPONENT -> component(model, component != null ? component
				: model.components().isEmpty() ? null : model.components().get(0).name());
		};
	}

	/** Every view of the model: its context, its containers and each component's. */
	public static List<Diagram> all(ByronModel model) {
		List<Diagram> views = new ArrayList<>(List.of(context(model), containers(model)));
		model.components().forEach(component -> views.add(component(model, component.name())));
		return views;
	}

	public static Diagram context(ByronModel model) {
		String system = systemName(model);
		List<DiagramNode> nodes = List.of(
				new DiagramNode(CLIENTS, NodeKind.PERSON, "Clients", "Person", List.of("Web, mobile and other systems"), null),
				new DiagramNode(SYSTEM, NodeKind.SYSTEM, system, "Software system",
						List.of(count(model.components().size(), "component") + ", "
								+ count(model.components().stream().mapToInt(c -> c.entities().size()).sum(), "entity")
								+ ", one GraphQL API"),
						null));
		List<DiagramEdge> edges = List.of(new DiagramEdge("clients->system", CLIENTS, SYSTEM,
				List.of("Queries and mutations", "[GraphQL over HTTP]"), EdgeKind.REQUEST, null));
		return new Diagram(C4Level.CONTEXT, system + ": " + C4Level.CONTEXT.title(), nodes, edges);
	}

	public static Diagram containers(ByronModel model) {
		String system = systemName(model);
		List<DiagramNode> nodes = new ArrayList<>();
		List<DiagramEdge> edges = new ArrayList<>();
		nodes.add(new DiagramNode(CLIENTS, NodeKind.PERSON, "Clients", "Person", List.of(), null));
		nodes.add(new DiagramNode(GATEWAY, NodeKind.GATEWAY, "Gateway", "Container: GraphQL",
				List.of("One schema: the union of the components' schemas", "Routes each root field to its owner"), null));
		nodes.add(new DiagramNode(BROKER, NodeKind.BROKER, "Broker", "Container: NATS JetStream",
				List.of("Each component appends its events", "to a stream of its own"), null));
		edges.add(new DiagramEdge("clients->gateway", CLIENTS, GATEWAY, List.of("[GraphQL over HTTP]"), EdgeKind.REQUEST, null));
		for (ComponentDef component : model.components()) {
			String id = componentId(component.name());
			List<String> details = new ArrayList<>();
			component.entities().forEach(e -> details.add("owns " + e.name()));
			component.replicas().forEach(r -> details.add("replicates " + r.component() + "." + r.entity()));
			nodes.add(new DiagramNode(id, NodeKind.COMPONENT, component.name(), "Container: API + Sink + Cache",
					details, component.range()));
			// Unlabelled: the gateway's and the broker's boxes say what these arrows do, once.
			edges.add(new DiagramEdge("gateway->" + id, GATEWAY, id, List.of(), EdgeKind.REQUEST, null));
			edges.add(new DiagramEdge(id + "->broker", id, BROKER, List.of(), EdgeKind.EVENTS, null));
		}
		// In a large view the arrows into a box share its arrowhead and their labels stand at that head, one above the
		// other: each label then says where its arrow comes from.
		boolean large = nodes.size() > DiagramLayout.LARGE;
		for (ComponentDef subscriber : model.components()) {
			for (Map.Entry<String, List<String>> flow : flowsInto(model, subscriber).entrySet()) {
				String from = componentId(flow.getKey());
				if (model.component(flow.getKey()).isPresent()) {
					List<String> label = flow.getValue();
					if (large && !label.isEmpty()) { // on its first line: a taller label would reach the row above
						label = new ArrayList<>(label);
						label.set(0, "from " + flow.getKey() + ": " + label.get(0));
					}
					edges.add(new DiagramEdge(eventFlowId(flow.getKey(), subscriber.name()), from,
							componentId(subscriber.name()), label, EdgeKind.EVENTS, null));
				}
			}
		}
		return new Diagram(C4Level.CONTAINERS, system + ": " + C4Level.CONTAINERS.title(), nodes, edges);
	}

	public static Diagram component(ByronModel model, String componentName) {
		ComponentDef component = componentName == null ? null : model.component(componentName).orElse(null);
		if (component == null) {
			throw new IllegalArgumentException("No component '" + componentName + "' in this model. Components: "
					+ model.components().stream().map(ComponentDef::name).collect(Collectors.joining(", ")));
		}
		String name = component.name();
		List<DiagramNode> nodes = new ArrayList<>();
		List<DiagramEdge> edges = new ArrayList<>();
		nodes.add(new DiagramNode(GATEWAY, NodeKind.EXTERNAL, "Gateway", "Container: GraphQL", List.of(), null));
		nodes.add(new DiagramNode("api", NodeKind.API, name + " API", "Component: GraphQL over HTTP", apiDetails(component),
				component.range()));
		nodes.add(new DiagramNode("stream", NodeKind.STREAM, "Stream", "NATS JetStream",
				List.of("byron-" + systemName(model) + "-" + name), null));
		nodes.add(new DiagramNode("sink", NodeKind.SINK, name + " Sink", "Component: event consumer", sinkDetails(component),
				null));
		boolean stores = !component.entities().isEmpty() || !component.replicas().isEmpty();
		nodes.add(new DiagramNode("cache", NodeKind.CACHE, "Cache", "MongoDB",
				List.of("database " + name, stores ? "stores the entities below" : "no entities yet"), null));
		edges.add(new DiagramEdge("gateway->api", GATEWAY, "api", List.of("queries, commands"), EdgeKind.REQUEST, null));
		edges.add(new DiagramEdge("api->stream", "api", "stream", List.of("appends events"), EdgeKind.REQUEST, null));
		edges.add(new DiagramEdge("api->cache", "api", "cache", List.of("reads"), EdgeKind.REQUEST, null));
		edges.add(new DiagramEdge("stream->sink", "stream", "sink", List.of("own events"), EdgeKind.EVENTS, null));
		edges.add(new DiagramEdge("sink->cache", "sink", "cache", List.of("applies"), EdgeKind.REQUEST, null));
		for (EntityDef entity : component.entities()) {
			String id = "entity:" + entity.name();
			nodes.add(new DiagramNode(id, NodeKind.ENTITY, entity.name(), "Entity", fields(entity.fields()), entity.range()));
			edges.add(new DiagramEdge("cache->" + id, "cache", id, List.of(), EdgeKind.LINK, null));
		}
		for (ReplicaDef replica : component.replicas()) {
			String id = "replica:" + replica.component() + "." + replica.entity();
			nodes.add(new DiagramNode(id, NodeKind.REPLICA, replica.entity(), "Replica of " + replica.component(),
					replica.fields().isEmpty() ? List.of("all fields") : replica.fields(), replica.range()));
			edges.add(new DiagramEdge("cache->" + id, "cache", id, List.of(), EdgeKind.LINK, null));
		}
		if (!component.events().isEmpty()) {
			nodes.add(new DiagramNode("events", NodeKind.EVENTS, "Published events", "CloudEvents",
					component.events().stream().map(EventDef::name).toList(), null));
			edges.add(new DiagramEdge("stream->events", "stream", "events", List.of("publishes"), EdgeKind.LINK, null));
		}
		for (Map.Entry<String, List<String>> flow : flowsInto(model, component).entrySet()) {
			String id = "source:" + flow.getKey();
			nodes.add(new DiagramNode(id, NodeKind.EXTERNAL, flow.getKey(), "Stream of component " + flow.getKey(),
					List.of(), model.component(flow.getKey()).map(ComponentDef::range).orElse(null)));
			edges.add(new DiagramEdge(id + "->sink", id, "sink", flow.getValue(), EdgeKind.EVENTS, null));
		}
		// and the other way: who reads this component's stream, and what of it, so the view shows what a change here reaches
		for (ComponentDef subscriber : model.components()) {
			List<String> flow = flowsInto(model, subscriber).get(name);
			if (flow != null) {
				String id = "subscriber:" + subscriber.name();
				nodes.add(new DiagramNode(id, NodeKind.EXTERNAL, subscriber.name(), "Sink of component " + subscriber.name(),
						List.of(), subscriber.range()));
				String from = component.events().isEmpty() ? "stream" : "events";
				edges.add(new DiagramEdge(from + "->" + id, from, id, flow, EdgeKind.EVENTS, null));
			}
		}
		return new Diagram(C4Level.COMPONENT, systemName(model) + ": component " + name, nodes, edges);
	}

	/**
	 * What flows into a component from each other component: replicas and reactions, as label lines. Only what
	 * exists flows: a replica of an entity or a reaction to an event its component does not have (the text says
	 * so, underlined) is not drawn as an arrow from that component.
	 */
	static Map<String, List<String>> flowsInto(ByronModel model, ComponentDef subscriber) {
		Map<String, List<String>> flows = new LinkedHashMap<>();
		for (ReplicaDef replica : subscriber.replicas()) {
			if (model.component(replica.component()).flatMap(c -> c.entity(replica.entity())).isPresent()) {
				flows.computeIfAbsent(replica.component(), k -> new ArrayList<>()).add(replica.entity() + " (replica)");
			}
		}
		for (ReactionDef reaction : subscriber.reactions()) {
			if (model.component(reaction.component()).flatMap(c -> c.event(reaction.event())).isPresent()) {
				flows.computeIfAbsent(reaction.component(), k -> new ArrayList<>())
						.add(reaction.event() + " \u2192 " + reaction.hook());
			}
		}
		flows.remove(subscriber.name());
		return flows;
	}

	private static List<String> apiDetails(ComponentDef component) {
		List<String> details = new ArrayList<>();
		for (OperationDef operation : component.operations()) {
			details.add(operation.kind().name().toLowerCase() + " " + operation.name());
		}
		for (HookDef hook : component.hooks()) {
			details.add(hook.timing().name().toLowerCase() + " " + hook.command() + " \u2192 " + hook.hook()
					+ (hook.key() == null ? "" : " by " + hook.key()));
		}
		return details;
	}

	private static List<String> sinkDetails(ComponentDef component) {
		List<String> details = new ArrayList<>();
		for (ReactionDef reaction : component.reactions()) {
			details.add("on " + reaction.component() + "." + reaction.event() + " \u2192 " + reaction.hook());
		}
		return details;
	}

	private static List<String> fields(List<FieldDef> fields) {
		return fields.stream().map(f -> f.name() + ": " + f.type().sdl()).toList();
	}

	public static String componentId(String name) {
		return "component:" + name;
	}

	/** The id of the arrow of the events one component's Sink takes from another's stream. */
	public static String eventFlowId(String publisher, String subscriber) {
		return componentId(publisher) + "=>" + componentId(subscriber);
	}

	private static String systemName(ByronModel model) {
		return model.system() == null ? "(no system)" : model.system();
	}

	private static String count(int n, String noun) {
		return n + " " + (n == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
	}
}
