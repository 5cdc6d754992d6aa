package dev.byron.generator.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import dev.byron.generator.diff.Change.Area;
import dev.byron.runtime.command.EventNames;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.EnumDescriptor;
import dev.byron.runtime.descriptor.EventDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.OperationDescriptor;
import dev.byron.runtime.descriptor.OperationDescriptor.ParameterDescriptor;

/**
 * What changed between two versions of a model, for the clients of its GraphQL API and the subscribers
 * of its events, each change classified as safe, dangerous or breaking. Works on component descriptors, so it
 * compares a project with another project or with what a cluster runs.
 */
public final class ModelDiff {
	private final List<Change> changes = new ArrayList<>();

	private ModelDiff() {
	}

	/** What changed from one version of a model to the next, compared on what each generates. */
	public static List<Change> between(dev.byron.dsl.api.model.ByronModel before, dev.byron.dsl.api.model.ByronModel after) {
		return between(dev.byron.generator.GenerationInput.of(before).descriptors(), dev.byron.generator.GenerationInput.of(after).descriptors());
	}

	public static List<Change> between(List<ComponentDescriptor> before, List<ComponentDescriptor> after) {
		ModelDiff diff = new ModelDiff();
		Map<String, ComponentDescriptor> old = byName(before, ComponentDescriptor::name);
		Map<String, ComponentDescriptor> now = byName(after, ComponentDescriptor::name);
		for (String name : union(old.keySet(), now.keySet())) {
			ComponentDescriptor a = old.get(name);
			ComponentDescriptor b = now.get(name);
			if (a == null) {
				diff.add(Area.BOTH, false, name, "component added");
			} else if (b == null) {
				diff.add(Area.BOTH, true, name, "component removed: its queries, mutations and events are gone");
			} else {
				diff.component(a, b);
			}
		}
		return diff.changes;
	}

	private void component(ComponentDescriptor a, ComponentDescriptor b) {
		String c = a.name();
		if (!a.granularity().equals(b.granularity())) {
			add(Area.EVENTS, true, c, "event granularity " + a.granularity() + " -> " + b.granularity()
					+ ": the generated events are renamed");
		}
		Map<String, EntityDescriptor> oldEntities = byName(a.entities(), EntityDescriptor::name);
		Map<String, EntityDescriptor> newEntities = byName(b.entities(), EntityDescriptor::name);
		for (String name : union(oldEntities.keySet(), newEntities.keySet())) {
			EntityDescriptor x = oldEntities.get(name);
			EntityDescriptor y = newEntities.get(name);
			String path = c + "." + name;
			if (x == null) {
				add(Area.BOTH, false, path, "entity added");
			} else if (y == null) {
				add(Area.BOTH, true, path, "entity removed: its queries, mutations and events are gone");
			} else {
				fields(Area.BOTH, path, x.fields(), y.fields(), true);
				access(path, x.role(), y.role());
				ownership(path, x.ownership(), y.ownership());
				uniqueKeys(path, x, y);
				limits(path, x, y);
				if (!Objects.equals(x.plural(), y.plural())) {
					add(Area.API, true, path, "list query renamed: " + lower(x.plural()) + " -> " + lower(y.plural()));
				}
			}
		}
		Map<String, EnumDescriptor> oldEnums = byName(a.enums(), EnumDescriptor::name);
		Map<String, EnumDescriptor> newEnums = byName(b.enums(), EnumDescriptor::name);
		for (String name : union(oldEnums.keySet(), newEnums.keySet())) {
			EnumDescriptor x = oldEnums.get(name);
			EnumDescriptor y = newEnums.get(name);
			String path = c + "." + name;
			if (x == null) {
				add(Area.BOTH, false, path, "enum added");
			} else if (y == null) {
				add(Area.BOTH, true, path, "enum removed");
			} else {
				for (String value : union(x.values(), y.values())) {
					if (!y.values().contains(value)) {
						add(Area.BOTH, true, path + "." + value, "enum value removed");
					} else if (!x.values().contains(value)) {
						dangerous(Area.BOTH, path + "." + value, "enum value added (clients that switch on it should have a default)");
					}
				}
			}
		}
		events(a, b);
		operations(c, a.operations(), b.operations());
	}

	/** Event names (generated and declared) and declared payloads; a removed and an added event with the same payload is a rename. */
	private void events(ComponentDescriptor a, ComponentDescriptor b) {
		Map<String, List<FieldDescriptor>> old = eventPayloads(a);
		Map<String, List<FieldDescriptor>> now = eventPayloads(b);
		Set<String> removed = new LinkedHashSet<>(old.keySet());
		removed.removeAll(now.keySet());
		Set<String> added = new LinkedHashSet<>(now.keySet());
		added.removeAll(old.keySet());
		for (String name : new ArrayList<>(removed)) {
			for (String candidate : added) {
				if (old.get(name) != null && old.get(name).equals(now.get(candidate))) {
					add(Area.EVENTS, true, a.name() + "." + name, "event renamed to " + candidate
							+ ": subscribers of " + name + " receive nothing");
					removed.remove(name);
					added.remove(candidate);
					break;
				}
			}
		}
		removed.forEach(name -> add(Area.EVENTS, true, a.name() + "." + name, "event removed: its subscribers receive nothing"));
		added.forEach(name -> add(Area.EVENTS, false, a.name() + "." + name, "event added"));
		for (String name : old.keySet()) {
			if (old.get(name) != null && now.get(name) != null) {
				fields(Area.EVENTS, a.name() + "." + name, old.get(name), now.get(name), false);
			}
		}
	}

	/** Declared events with their payloads; generated ones (whose data is the entity) with null. */
	private static Map<String, List<FieldDescriptor>> eventPayloads(ComponentDescriptor component) {
		Map<String, List<FieldDescriptor>> events = new LinkedHashMap<>();
		for (EntityDescriptor entity : component.entities()) {
			EventNames.all(component.granularity(), entity.name(), entity.fields().stream().map(FieldDescriptor::name).toList())
					.forEach(name -> events.put(name, null));
		}
		for (EventDescriptor event : component.events()) {
			events.put(event.name(), event.payload());
		}
		return events;
	}

	/** {@code input}: the fields are also the input of create and update mutations. */
	private void fields(Area area, String owner, List<FieldDescriptor> before, List<FieldDescriptor> after, boolean input) {
		Map<String, FieldDescriptor> old = byName(before, FieldDescriptor::name);
		Map<String, FieldDescriptor> now = byName(after, FieldDescriptor::name);
		for (String name : union(old.keySet(), now.keySet())) {
			FieldDescriptor x = old.get(name);
			FieldDescriptor y = now.get(name);
			String path = owner + "." + name;
			if (x == null) {
				boolean requiredWithoutDefault = y.type().required() && y.rules().defaultValue() == null;
				add(area, input && requiredWithoutDefault, path, requiredWithoutDefault
						? "required field added without @default: " + (input ? "creates that omit it now fail" : "subscribers get a new field")
						: "field added");
			} else if (y == null) {
				add(area, true, path, "field removed: clients and subscribers that read it fail");
			} else if (!sameShape(x.type(), y.type())) {
				add(area, true, path, "field retyped: " + sdl(x.type()) + " -> " + sdl(y.type()));
			} else if (!x.type().required() && y.type().required()) {
				add(area, input && y.rules().defaultValue() == null, path, "field became required: " + sdl(x.type()) + " -> "
						+ sdl(y.type()) + (input && y.rules().defaultValue() == null ? " (creates that omit it now fail)" : ""));
			} else if (x.type().required() && !y.type().required()) {
				add(area, true, path, "field became optional: " + sdl(x.type()) + " -> " + sdl(y.type())
						+ " (readers may now get null)");
			}
			if (x != null && y != null && input) {
				access(path, x.role(), y.role());
			}
		}
	}

	/** A unique key added refuses creates and updates that were accepted before; one dropped refuses nothing. */
	private void uniqueKeys(String path, EntityDescriptor before, EntityDescriptor after) {
		List<dev.byron.runtime.descriptor.UniqueKey> old = before.uniqueKeys();
		List<dev.byron.runtime.descriptor.UniqueKey> now = after.uniqueKeys();
		for (var key : now) {
			if (!old.contains(key)) {
				add(Area.API, true, path, "unique key added: " + describe(key)
						+ ": creates and updates that repeat a value now get CONFLICT (entities stored before keep theirs)");
			}
		}
		for (var key : old) {
			if (!now.contains(key)) {
				dangerous(Area.API, path, "unique key dropped: " + describe(key));
			}
		}
	}

	/** A limit added or changed may refuse creates that were accepted before; one dropped refuses nothing. */
	private void limits(String path, EntityDescriptor before, EntityDescriptor after) {
		for (var limit : after.countLimits()) {
			if (!before.countLimits().contains(limit)) {
				add(Area.API, true, path, "limit added or changed: " + limit.describe()
						+ ": creates beyond it now get CONFLICT (entities stored before stay)");
			}
		}
		for (var limit : before.countLimits()) {
			if (!after.countLimits().contains(limit) && after.countLimits().stream().noneMatch(l -> l.per().equals(limit.per()))) {
				dangerous(Area.API, path, "limit dropped: " + limit.describe());
			}
		}
	}

	private static String describe(dev.byron.runtime.descriptor.UniqueKey key) {
		return "(" + String.join(", ", key.fields()) + ")" + (key.ignoreCase() ? " ignoring case" : "");
	}

	/** An {@code @auth} role added or changed shuts out callers who could use the element before. */
	private void access(String path, String before, String after) {
		if (Objects.equals(before, after)) {
			return;
		}
		if (after == null) {
			dangerous(Area.API, path, "@auth(\"" + before + "\") removed: open to every caller");
		} else {
			add(Area.API, true, path, (before == null ? "@auth(\"" + after + "\") added" : "@auth role " + before + " -> " + after)
					+ ": callers without the role now get FORBIDDEN");
		}
	}

	private void ownership(String path, dev.byron.runtime.descriptor.Ownership before, dev.byron.runtime.descriptor.Ownership after) {
		if (Objects.equals(before, after)) {
			return;
		}
		if (after == null) {
			dangerous(Area.API, path, "@owner removed: any caller may change it");
		} else {
			add(Area.API, true, path, "@owner(" + after.field() + (after.role() == null ? "" : ", role: \"" + after.role() + "\"")
					+ ") " + (before == null ? "added" : "changed") + ": callers who do not own an entity now get FORBIDDEN");
		}
	}

	private void operations(String component, List<OperationDescriptor> before, List<OperationDescriptor> after) {
		Map<String, OperationDescriptor> old = byName(before, OperationDescriptor::name);
		Map<String, OperationDescriptor> now = byName(after, OperationDescriptor::name);
		for (String name : union(old.keySet(), now.keySet())) {
			OperationDescriptor x = old.get(name);
			OperationDescriptor y = now.get(name);
			String path = component + "." + name;
			if (x == null) {
				add(Area.API, false, path, y.kind().toLowerCase(java.util.Locale.ROOT) + " added");
			} else if (y == null) {
				add(Area.API, true, path, x.kind().toLowerCase(java.util.Locale.ROOT) + " removed");
			} else {
				access(path, x.role(), y.role());
				if (!sameShape(x.returns(), y.returns()) || x.returns().required() && !y.returns().required()) {
					add(Area.API, true, path, "result retyped: " + sdl(x.returns()) + " -> " + sdl(y.returns()));
				}
				Map<String, ParameterDescriptor> oldParameters = byName(x.parameters(), ParameterDescriptor::name);
				Map<String, ParameterDescriptor> newParameters = byName(y.parameters(), ParameterDescriptor::name);
				for (String parameter : union(oldParameters.keySet(), newParameters.keySet())) {
					ParameterDescriptor p = oldParameters.get(parameter);
					ParameterDescriptor q = newParameters.get(parameter);
					if (p == null) {
						boolean required = q.type().required() && q.defaultValue() == null;
						if (required) {
							add(Area.API, true, path + "(" + parameter + ")", "required argument added: calls without it now fail");
						} else {
							dangerous(Area.API, path + "(" + parameter + ")", "optional argument added");
						}
					} else if (q == null) {
						add(Area.API, true, path + "(" + parameter + ")", "argument removed: calls that pass it now fail");
					} else if (!sameShape(p.type(), q.type()) || !p.type().required() && q.type().required()
							&& q.defaultValue() == null) {
						add(Area.API, true, path + "(" + parameter + ")", "argument retyped: " + sdl(p.type()) + " -> " + sdl(q.type()));
					}
				}
			}
		}
	}

	private void add(Area area, boolean breaking, String path, String what) {
		changes.add(new Change(area, breaking ? Change.Severity.BREAKING : Change.Severity.SAFE, path, what));
	}

	private void dangerous(Area area, String path, String what) {
		changes.add(new Change(area, Change.Severity.DANGEROUS, path, what));
	}

	private static boolean sameShape(FieldType a, FieldType b) {
		return a.kind() == b.kind() && Objects.equals(a.name(), b.name()) && Objects.equals(a.component(), b.component())
				&& a.list() == b.list() && (!a.list() || a.elementRequired() == b.elementRequired());
	}

	private static String sdl(FieldType type) {
		String name = type.name();
		if (type.list()) {
			name = "[" + name + (type.elementRequired() ? "!" : "") + "]";
		}
		return name + (type.required() ? "!" : "");
	}

	private static String lower(String text) {
		return text == null || text.isEmpty() ? String.valueOf(text) : Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
		Map<String, T> map = new LinkedHashMap<>();
		items.forEach(item -> map.put(name.apply(item), item));
		return map;
	}

	private static Set<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
		Set<String> all = new LinkedHashSet<>(a);
		all.addAll(b);
		return all;
	}
}
