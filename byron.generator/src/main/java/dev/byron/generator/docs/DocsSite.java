package dev.byron.generator.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import static dev.byron.dsl.api.CataloguePages.PAGES;

import dev.byron.diagram.C4Diagrams;
import dev.byron.diagram.C4Level;
import dev.byron.diagram.DiagramLayout;
import dev.byron.diagram.SvgWriter;
import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.EntityDef;
import dev.byron.dsl.api.model.EventDef;
import dev.byron.dsl.api.model.FieldDef;
import dev.byron.dsl.api.model.HookDef;
import dev.byron.dsl.api.model.OperationDef;
import dev.byron.dsl.api.model.ReactionDef;
import dev.byron.dsl.api.model.ReplicaDef;
import dev.byron.dsl.api.model.SourceRange;
import dev.byron.generator.Artifact;
import dev.byron.generator.AsyncApiGenerator;
import dev.byron.generator.GenerationInput;
import dev.byron.generator.Templates;
import dev.byron.runtime.api.SchemaWriter;
import dev.byron.runtime.broker.Names;
import dev.byron.runtime.descriptor.ComponentDescriptor;

/**
 * {@code byron docs}: a static site that catalogues a system, written from the model alone so it is exact on
 * every build: the system's pictures (the studio's layout, each component's box a link to its page), a page per
 * component (its description, entities, GraphQL schema, hooks, what it publishes, replicates and reacts to), a
 * page per event (payload, producer, each consumer and what it does with it, the broker subject, a CloudEvents
 * example), the GraphQL reference, the AsyncAPI documents, and a search over all of it. Plain HTML that opens
 * from the file system.
 */
public final class DocsSite {
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final ByronModel model;
	private final Map<Path, String> texts;
	private final Names names;
	private final Since since;

	/** What changed since an earlier version of the model ({@code byron docs --since <revision>}), as byron diff says. */
	public record Since(String revision, List<dev.byron.generator.diff.Change> changes) {
	}

	private DocsSite(ByronModel model, Map<Path, String> texts, Since since) {
		this.model = model;
		this.texts = texts;
		this.since = since;
		this.names = new Names(model.system() == null ? "system" : model.system());
	}

	/**
	 * The site's files, by path relative to its folder. {@code texts} are the model's files, for the doc comments;
	 * {@code since} (or null) adds a page of what changed since an earlier version.
	 */
	public static List<Artifact> pages(ByronModel model, Map<Path, String> texts, Since since) {
		return new DocsSite(model, texts, since).pages();
	}

	/** The texts of a project's model files, which the site reads its descriptions from. */
	public static Map<Path, String> texts(Path project) throws IOException, dev.byron.dsl.api.ModelLoadException {
		Map<Path, String> texts = new LinkedHashMap<>();
		for (Path file : dev.byron.dsl.api.ByronLoader.files(project)) {
			texts.put(file.toAbsolutePath().normalize(), Files.readString(file));
		}
		return texts;
	}

	/** Writes the site into {@code out} (made if missing); returns how many files it wrote. */
	public static int write(ByronModel model, Map<Path, String> texts, Path out) throws IOException {
		return write(model, texts, null, out);
	}

	/** As {@link #write(ByronModel, Map, Path)}, with the page of what changed {@code since} an earlier version. */
	public static int write(ByronModel model, Map<Path, String> texts, Since since, Path out) throws IOException {
		List<Artifact> pages = pages(model, texts, since);
		for (Artifact page : pages) {
			Path file = out.resolve(page.path());
			Files.createDirectories(file.getParent());
			Files.writeString(file, page.content(), StandardCharsets.UTF_8);
		}
		return pages.size();
	}

	private List<Artifact> pages() {
		List<Artifact> pages = new ArrayList<>();
		GenerationInput input = GenerationInput.of(model);
		String system = names.system();
		List<Map<String, Object>> events = events();
		List<Map<String, Object>> components = model.components().stream().map(c -> component(c, events)).toList();
		Map<String, Object> site = new LinkedHashMap<>();
		site.put("system", system);
		site.put("components", components);
		site.put("events", events);
		site.put("context", picture(C4Level.CONTEXT, null, ""));
		site.put("containers", picture(C4Level.CONTAINERS, null, ""));
		site.put("since", since == null ? "" : since.revision());
		pages.add(page("index.html", "docs/index.html.ftlh", site, ""));
		if (since != null) {
			List<Map<String, String>> changes = since.changes().stream().map(c -> Map.of("severity",
					c.severity() == dev.byron.generator.diff.Change.Severity.SAFE ? "safe" : c.severity().name(),
					"area", c.area().name().toLowerCase(java.util.Locale.ROOT), "path", c.path(), "what", c.what())).toList();
			pages.add(page("changes.html", "docs/changes.html.ftlh", Map.of("revision", since.revision(), "changes", changes), ""));
		}
		for (Map<String, Object> component : components) {
			Map<String, Object> data = new LinkedHashMap<>(component);
			data.put("picture", picture(C4Level.COMPONENT, (String) component.get("name"), "../"));
			pages.add(page(PAGES.component((String) component.get("name")), "docs/component.html.ftlh", data, "../"));
		}
		for (Map<String, Object> event : events) {
			pages.add(page(PAGES.event((String) event.get("component"), (String) event.get("name")), "docs/event.html.ftlh", event, "../"));
		}
		List<Map<String, String>> schemas = new ArrayList<>();
		for (ComponentDescriptor descriptor : input.descriptors()) {
			schemas.add(Map.of("component", descriptor.name(), "sdl", SchemaWriter.sdl(descriptor)));
		}
		pages.add(page("graphql.html", "docs/graphql.html.ftlh", Map.of("schemas", schemas), ""));
		for (Artifact document : new AsyncApiGenerator().generate(input)) {
			String component = document.path().split("/")[1];
			pages.add(new Artifact("asyncapi/" + component + ".json", document.content()));
		}
		pages.add(new Artifact("search-index.js", "window.BYRON_SEARCH = " + json(searchIndex(components, events)) + ";\n"));
		pages.add(new Artifact("site.css", resource("site.css")));
		pages.add(new Artifact("search.js", resource("search.js")));
		return pages;
	}

	private Artifact page(String path, String template, Map<String, Object> data, String root) {
		Map<String, Object> model = new LinkedHashMap<>(data);
		model.put("root", root);
		model.put("systemName", names.system());
		model.put("pages", PAGES);
		model.put("generator", dev.byron.dsl.api.CataloguePages.GENERATOR);
		return new Artifact(path, Templates.render(template, model));
	}

	private Map<String, Object> component(ComponentDef component, List<Map<String, Object>> allEvents) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("name", component.name());
		data.put("description", description(component.range()));
		data.put("granularity", component.granularity());
		data.put("entities", component.entities().stream().map(e -> entity(component, e)).toList());
		data.put("enums", component.enums().stream().map(e -> Map.of("name", e.name(), "values", e.values(),
				"description", description(e.range()))).toList());
		data.put("operations", component.operations().stream().map(DocsSite::operation).toList());
		data.put("hooks", component.hooks().stream().map(DocsSite::hook).toList());
		data.put("publishes", allEvents.stream().filter(e -> e.get("component").equals(component.name())).toList());
		data.put("replicates", component.replicas().stream().map(r -> Map.of("component", r.component(), "entity", r.entity(),
				"fields", r.fields(), "events", eventsOf(allEvents, r.component(), r.entity()))).toList());
		data.put("reactions", component.reactions().stream().map(r -> Map.of("component", r.component(), "event", r.event(),
				"hook", r.hook(), "id", r.component() + "." + r.event())).toList());
		data.put("schema", SchemaWriter.sdl(GenerationInput.of(model).descriptors().stream()
				.filter(d -> d.name().equals(component.name())).findFirst().orElseThrow()));
		data.put("deployment", deployment(component));
		data.put("rules", rules(component));
		return data;
	}

	private Map<String, Object> entity(ComponentDef owner, EntityDef entity) {
		return Map.of("name", entity.name(), "plural", entity.plural(), "description", description(entity.range()),
				"annotations", entity.annotations().stream().map(DocsSite::annotation).toList(),
				"fields", entity.fields().stream().map(f -> field(owner, f)).toList());
	}

	/** A field; {@code owner} is the component that declares it, whose entities and enums its type may name. */
	private Map<String, Object> field(ComponentDef owner, FieldDef field) {
		var type = field.type().kind() == dev.byron.dsl.api.model.TypeDef.Kind.LIST ? field.type().element() : field.type();
		String link = "";
		String written = field.type().sdl();
		if (type.kind() == dev.byron.dsl.api.model.TypeDef.Kind.ENTITY) {
			String component = type.component() == null ? owner.name() : type.component();
			link = "../" + PAGES.entity(component, type.name());
			if (!component.equals(owner.name())) {
				written = written.replace(type.name(), component + "." + type.name()); // as the model writes another's entity
			}
		} else if (type.kind() == dev.byron.dsl.api.model.TypeDef.Kind.ENUM) {
			link = "../" + PAGES.enumType(owner.name(), type.name());
		}
		return Map.of("name", field.name(), "type", written, "link", link, "description", description(field.range()),
				"annotations", field.annotations().stream().map(DocsSite::annotation).toList());
	}

	/** What each annotation used in a component means to a client, from the language reference. */
	private static List<Map<String, String>> rules(ComponentDef component) {
		java.util.Set<String> names = new java.util.TreeSet<>();
		for (EntityDef entity : component.entities()) {
			entity.annotations().forEach(a -> names.add(a.name()));
			entity.fields().forEach(f -> f.annotations().forEach(a -> names.add(a.name())));
		}
		List<Map<String, String>> rules = new ArrayList<>();
		for (String name : names) {
			dev.byron.dsl.api.LanguageReference.annotation(name).ifPresent(entry -> {
				int start = entry.indexOf("**\n\n");
				int end = entry.indexOf("\n\nApplies to");
				String meaning = start < 0 ? entry : entry.substring(start + 4, end < 0 ? entry.length() : end);
				rules.add(Map.of("name", "@" + name, "meaning", meaning.replace("`", "")));
			});
		}
		return rules;
	}

	/** An annotation as the model writes it: {@code @default(OPEN)}, {@code @length(min: 1, max: 50)}. */
	private static String annotation(dev.byron.dsl.api.model.AnnotationDef annotation) {
		if (annotation.arguments().isEmpty()) {
			return "@" + annotation.name();
		}
		if (annotation.arguments().size() == 1 && annotation.arguments().containsKey("value")) {
			return "@" + annotation.name() + "(" + argument(annotation.arguments().get("value")) + ")";
		}
		List<String> arguments = new ArrayList<>();
		annotation.arguments().forEach((name, value) -> arguments.add(name + ": " + argument(value)));
		return "@" + annotation.name() + "(" + String.join(", ", arguments) + ")";
	}

	private static String argument(Object value) {
		if (value instanceof String text) {
			return "\"" + text + "\"";
		}
		if (value instanceof dev.byron.dsl.api.model.EnumLiteral literal) {
			return literal.name();
		}
		if (value instanceof List<?> list) {
			return "[" + String.join(", ", list.stream().map(DocsSite::argument).toList()) + "]";
		}
		return String.valueOf(value);
	}

	private static Map<String, Object> operation(OperationDef operation) {
		List<String> parameters = operation.parameters().stream().map(p -> p.name() + ": " + p.type().sdl()).toList();
		return Map.of("kind", operation.kind().name().toLowerCase(java.util.Locale.ROOT), "signature",
				operation.name() + "(" + String.join(", ", parameters) + "): " + operation.type().sdl());
	}

	private static Map<String, Object> hook(HookDef hook) {
		return Map.of("timing", hook.timing().name().toLowerCase(java.util.Locale.ROOT), "command", hook.command(), "hook", hook.hook(),
				"key", hook.key() == null ? "" : hook.key());
	}

	/** The deployment settings that apply to a component: the system's, then its own section's over them. */
	private Map<String, Object> deployment(ComponentDef component) {
		Map<String, Object> settings = new LinkedHashMap<>();
		if (model.deployment() != null) {
			model.deployment().values().forEach((key, value) -> settings.put(key, String.valueOf(value)));
			for (var section : model.deployment().sections()) {
				if (component.name().equals(section.component())) {
					section.block().values().forEach((key, value) -> settings.put(section.name() + "." + key, String.valueOf(value)));
				}
			}
		}
		return settings;
	}

	/** Every event of the system: its payload, producer, subject, consumers, and an example of it on the wire. */
	private List<Map<String, Object>> events() {
		List<Map<String, Object>> events = new ArrayList<>();
		for (ComponentDef component : model.components()) {
			for (EventDef event : component.events()) {
				Map<String, Object> data = new LinkedHashMap<>();
				String id = component.name() + "." + event.name();
				data.put("id", id);
				data.put("name", event.name());
				data.put("component", component.name());
				data.put("kind", event.kind().name().toLowerCase(java.util.Locale.ROOT));
				data.put("entity", event.entity() == null ? "" : event.entity());
				data.put("description", description(event.range()));
				List<FieldDef> payload = event.entity() == null ? event.payload()
						: component.entity(event.entity()).map(EntityDef::fields).orElse(event.payload());
				data.put("payload", payload.stream().map(f -> field(component, f)).toList());
				List<Map<String, String>> consumers = consumers(component, event);
				data.put("consumers", consumers);
				data.put("consumerComponents", consumers.stream().map(c -> c.get("component")).distinct().toList());
				data.put("subject", event.entity() == null ? names.domainSubject(component.name(), event.name())
						: names.entitySubject(component.name(), event.entity(), "<id>"));
				data.put("example", example(component, event, payload));
				events.add(data);
			}
		}
		return events;
	}

	/** Who receives an event and what each does with it: replicas of its entity, reactions to it. */
	private List<Map<String, String>> consumers(ComponentDef producer, EventDef event) {
		List<Map<String, String>> consumers = new ArrayList<>();
		for (ComponentDef other : model.components()) {
			for (ReplicaDef replica : other.replicas()) {
				if (event.entity() != null && replica.component().equals(producer.name()) && replica.entity().equals(event.entity())) {
					consumers.add(Map.of("component", other.name(), "does", "keeps its replica of " + event.entity() + " ("
							+ String.join(", ", replica.fields()) + ") up to date"));
				}
			}
			for (ReactionDef reaction : other.reactions()) {
				if (reaction.component().equals(producer.name()) && reaction.event().equals(event.name())) {
					consumers.add(Map.of("component", other.name(), "does", "calls its hook " + reaction.hook()));
				}
			}
		}
		return consumers;
	}

	private String example(ComponentDef component, EventDef event, List<FieldDef> payload) {
		Map<String, Object> data = new LinkedHashMap<>();
		if (event.entity() != null) {
			data.put("id", "01j9zq3m7k2v8x4c6b0n5r1t9w");
		}
		payload.forEach(field -> data.put(field.name(), exampleValue(component, field)));
		Map<String, Object> cloudEvent = new LinkedHashMap<>();
		cloudEvent.put("specversion", "1.0");
		cloudEvent.put("id", "01j9zq3m7k2v8x4c6b0n5r1t9x");
		cloudEvent.put("source", names.eventSource(component.name()));
		cloudEvent.put("type", component.name() + "." + event.name());
		cloudEvent.put("subject", event.entity() == null ? names.domainSubject(component.name(), event.name())
				: names.entitySubject(component.name(), event.entity(), "01j9zq3m7k2v8x4c6b0n5r1t9w"));
		cloudEvent.put("time", "2026-01-01T12:00:00Z");
		cloudEvent.put("datacontenttype", "application/json");
		cloudEvent.put("data", data);
		return json(cloudEvent);
	}

	private static Object exampleValue(ComponentDef owner, FieldDef field) {
		var type = field.type().kind() == dev.byron.dsl.api.model.TypeDef.Kind.LIST ? field.type().element() : field.type();
		if (type.kind() == dev.byron.dsl.api.model.TypeDef.Kind.ENUM) {
			String value = owner.enums().stream().filter(e -> e.name().equals(type.name()) && !e.values().isEmpty())
					.map(e -> e.values().get(0)).findFirst().orElse(type.name());
			return field.type().kind() == dev.byron.dsl.api.model.TypeDef.Kind.LIST ? List.of(value) : value;
		}
		Object one = switch (type.name() == null ? "" : type.name()) {
			case "Int" -> 1;
			case "Float" -> 1.5;
			case "Boolean" -> true;
			case "DateTime" -> "2026-01-01T12:00:00Z";
			case "ID" -> "01j9zq3m7k2v8x4c6b0n5r1t9v";
			case "String" -> "…";
			default -> type.kind() == dev.byron.dsl.api.model.TypeDef.Kind.ENTITY ? "01j9zq3m7k2v8x4c6b0n5r1t9v" : type.name();
		};
		return field.type().kind() == dev.byron.dsl.api.model.TypeDef.Kind.LIST ? List.of(one) : one;
	}

	private static List<Map<String, Object>> eventsOf(List<Map<String, Object>> events, String component, String entity) {
		return events.stream().filter(e -> e.get("component").equals(component) && entity.equals(e.get("entity"))).toList();
	}

	/** What the search box finds: each component, entity, field and event, with the page it is on. */
	private static List<Map<String, String>> searchIndex(List<Map<String, Object>> components, List<Map<String, Object>> events) {
		List<Map<String, String>> index = new ArrayList<>();
		for (Map<String, Object> component : components) {
			String name = (String) component.get("name");
			index.add(Map.of("name", name, "kind", "component", "page", PAGES.component(name)));
			for (Object entityData : (List<?>) component.get("entities")) {
				Map<?, ?> entity = (Map<?, ?>) entityData;
				index.add(Map.of("name", (String) entity.get("name"), "kind", "entity of " + component.get("name"),
						"page", PAGES.entity(name, (String) entity.get("name"))));
				for (Object fieldData : (List<?>) entity.get("fields")) {
					Map<?, ?> field = (Map<?, ?>) fieldData;
					index.add(Map.of("name", (String) field.get("name"), "kind", "field of " + component.get("name") + "." + entity.get("name"),
							"page", PAGES.entity(name, (String) entity.get("name"))));
				}
			}
		}
		for (Map<String, Object> component : components) {
			for (Object enumData : (List<?>) component.get("enums")) {
				Map<?, ?> enumDef = (Map<?, ?>) enumData;
				index.add(Map.of("name", (String) enumDef.get("name"), "kind", "enum of " + component.get("name"),
						"page", PAGES.enumType((String) component.get("name"), (String) enumDef.get("name"))));
			}
		}
		for (Map<String, Object> event : events) {
			String page = PAGES.event((String) event.get("component"), (String) event.get("name"));
			index.add(Map.of("name", (String) event.get("id"), "kind", "event", "page", page));
			if ("domain".equals(event.get("kind"))) { // a CRUD event's payload is its entity's fields, found above
				for (Object fieldData : (List<?>) event.get("payload")) {
					index.add(Map.of("name", (String) ((Map<?, ?>) fieldData).get("name"), "kind", "field of event " + event.get("id"),
							"page", page + "#payload"));
				}
			}
		}
		return index;
	}

	/**
	 * A view laid out as the studio lays it out, as inline SVG whose component boxes link to their pages ({@code root}
	 * leads from the page to the site's folder).
	 */
	private String picture(C4Level level, String component, String root) {
		String svg = SvgWriter.write(DiagramLayout.layout(C4Diagrams.of(model, level, component)));
		StringBuilder linked = new StringBuilder();
		int at = 0;
		String marker = "<g class=\"node ";
		for (int start = svg.indexOf(marker); start >= 0; start = svg.indexOf(marker, at)) {
			int idStart = svg.indexOf("id=\"", start) + 4;
			String id = svg.substring(idStart, svg.indexOf('"', idStart));
			int end = svg.indexOf("</g>\n", start) + "</g>\n".length();
			linked.append(svg, at, start);
			if (id.startsWith("component:") && model.component(id.substring("component:".length())).isPresent()) {
				linked.append("<a href=\"").append(root).append(PAGES.component(id.substring("component:".length())))
						.append("\">").append(svg, start, end).append("</a>\n");
			} else {
				linked.append(svg, start, end);
			}
			at = end;
		}
		return linked.append(svg.substring(at)).toString();
	}

	/** The {@code /** ... *}{@code /} comment written right before a declaration, as plain text; empty without one. */
	private String description(SourceRange range) {
		if (range == null || range.file() == null) {
			return "";
		}
		String text = texts.get(range.file().toAbsolutePath().normalize());
		if (text == null) {
			return "";
		}
		int before = Math.min(range.offset(), text.length());
		String head = text.substring(0, before).stripTrailing();
		if (!head.endsWith("*/")) {
			return "";
		}
		int open = head.lastIndexOf("/**");
		if (open < 0) {
			return "";
		}
		String body = head.substring(open + 3, head.length() - 2);
		return body.lines().map(line -> line.strip().replaceFirst("^\\* ?", "")).reduce((a, b) -> a + " " + b).orElse("").strip();
	}

	/** A file of the site that is the same for every system. */
	private static String resource(String name) {
		try (var in = DocsSite.class.getResourceAsStream("/dev/byron/generator/templates/docs/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
