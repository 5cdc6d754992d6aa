package dev.byron.dsl.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;


import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import dev.byron.dsl.byron.Component;
import dev.byron.dsl.byron.Entity;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.Hook;
import dev.byron.dsl.byron.Member;
import dev.byron.dsl.byron.Reaction;
import dev.byron.dsl.byron.Replica;
import dev.byron.dsl.model.Models;
import dev.byron.dsl.model.TypeInfo;

/** Rules on how components depend on each other: replicas, reactions, hooks and references. */
public class SubscriptionValidator extends ByronCheck {

	@Check
	public void selfSubscription(Reaction reaction) {
		EObject event = reaction.getEvent();
		Component own = Models.componentOf(reaction);
		if (event == null || event.eIsProxy() || own == null) {
			return;
		}
		if (Models.componentOf(event) == own) {
			String text = Models.lastSegment(Models.linkText(reaction, P.getReaction_Event()));
			error("Component " + own.getName() + " subscribes to its own event " + text
					+ ". Its own changes are handled in the command pipeline: use 'after <command> call "
					+ reaction.getHook() + "' instead.", reaction, P.getReaction_Event(), IssueCodes.SELF_SUBSCRIPTION);
		}
	}

	@Check
	public void replica(Replica replica) {
		Entity entity = replica.getEntity();
		Component own = Models.componentOf(replica);
		if (entity == null || entity.eIsProxy() || own == null) {
			return;
		}
		Component owner = Models.componentOf(entity);
		if (owner == own) {
			error("Component " + own.getName() + " owns " + entity.getName() + " and cannot replicate it."
					+ " Replicate entities of other components only; remove this line.", replica, P.getReplica_Entity(),
					IssueCodes.REPLICATE_OWN_ENTITY);
			return;
		}
		for (Member member : own.getMembers()) {
			if (member == replica) {
				break;
			}
			if (member instanceof Replica earlier && earlier.getEntity() == entity) {
				error(owner.getName() + "." + entity.getName() + " is already replicated in " + own.getName()
						+ ". Merge the field lists into one 'replicate'.", replica, P.getReplica_Entity(),
						IssueCodes.DUPLICATE_REPLICA);
				break;
			}
		}
	}

	@Check
	public void missingReplica(Field field) {
		if (!(field.eContainer() instanceof Entity)) {
			return;
		}
		Entity target = TypeInfo.of(field.getType()).entity();
		Component own = Models.componentOf(field);
		if (target == null || own == null) {
			return;
		}
		Component owner = Models.componentOf(target);
		if (owner == own || owner == null) {
			return;
		}
		boolean replicated = own.getMembers().stream()
				.anyMatch(m -> m instanceof Replica r && r.getEntity() == target);
		if (!replicated) {
			String name = owner.getName() + "." + target.getName();
			warning("'" + field.getName() + "' references " + name + ", which " + own.getName()
					+ " does not replicate: the reference cannot be checked when written nor resolved in queries."
					+ " Add 'replicate " + name + "' to " + own.getName() + ".", field, P.getField_Type(),
					IssueCodes.MISSING_REPLICA, name, own.getName());
		}
	}

	@Check(CheckType.NORMAL)
	public void referenceCycle(Field field) {
		if (!(field.eContainer() instanceof Entity start) || requiredTarget(field) == null) {
			return;
		}
		List<String> path = new ArrayList<>();
		path.add(qualified(start) + "." + field.getName());
		if (reaches(requiredTarget(field), start, path, new HashSet<>())) {
			error("Required references form a cycle: " + String.join(" → ", path) + " → " + qualified(start)
					+ ". None of these entities can be created first. Make one of the references optional (remove its '!').",
					field, P.getField_Type(), IssueCodes.REFERENCE_CYCLE);
		}
	}

	private static boolean reaches(Entity current, Entity start, List<String> path, Set<Entity> visited) {
		if (current == start) {
			return true;
		}
		if (!visited.add(current)) {
			return false;
		}
		for (Field field : current.getFields()) {
			Entity next = requiredTarget(field);
			if (next != null) {
				path.add(qualified(current) + "." + field.getName());
				if (reaches(next, start, path, visited)) {
					return true;
				}
				path.remove(path.size() - 1);
			}
		}
		return false;
	}

	/** The entity a field must point to on creation: a required, single-valued reference. */
	private static Entity requiredTarget(Field field) {
		TypeInfo type = TypeInfo.of(field.getType());
		return type.required() && !type.list() ? type.entity() : null;
	}

	private static String qualified(Entity entity) {
		Component component = Models.componentOf(entity);
		return (component == null ? "" : component.getName() + ".") + entity.getName();
	}

	@Check
	public void duplicateHooks(Component component) {
		Set<String> seen = new HashSet<>();
		for (Member member : component.getMembers()) {
			String key = null;
			if (member instanceof Hook hook) {
				key = hook.getTiming() + " " + Models.linkText(hook, P.getHook_Command()) + " " + hook.getHook();
			} else if (member instanceof Reaction reaction) {
				key = "on " + Models.linkText(reaction, P.getReaction_Event()) + " " + reaction.getHook();
			}
			if (key != null && !seen.add(key.replaceAll("\\s+", " ").toLowerCase())) {
				warning("This hook is already registered; it would run twice. Remove the repeated line.", member, null,
						IssueCodes.DUPLICATE_HOOK);
			}
		}
	}

	/**
	 * {@code before createRegistration call checkCapacity by talk}: the key is a single-valued scalar or reference
	 * field of the command's entity, whose value groups the commands that the hook's reads must see exactly.
	 */
	@Check
	public void hookKey(Hook hook) {
		String key = hook.getKey();
		EObject target = hook.getCommand();
		if (key == null || target == null || target.eIsProxy()) {
			return;
		}
		if (!(target instanceof Entity entity)) {
			error("'by " + key + "' groups the commands of an entity by one of its fields; '"
					+ Models.linkText(hook, P.getHook_Command()) + "' is a custom mutation, whose hooks are not narrowed."
					+ " Remove 'by " + key + "'.", hook, P.getHook_Key(), IssueCodes.INVALID_HOOK_KEY);
			return;
		}
		List<String> names = entity.getFields().stream().map(Field::getName).filter(java.util.Objects::nonNull).toList();
		Field field = entity.getFields().stream().filter(f -> key.equals(f.getName())).findFirst().orElse(null);
		if (field == null) {
			var suggestion = dev.byron.dsl.linking.Suggestions.closest(key, names);
			error("Entity " + entity.getName() + " has no field '" + key + "'." + suggestion.map(s -> " Did you mean '" + s + "'?")
					.orElse("") + " 'by' names the field whose value groups the commands, e.g. by " + names.stream().findFirst()
					.orElse("field") + ".", hook, P.getHook_Key(), IssueCodes.INVALID_HOOK_KEY, suggestion.stream().toArray(String[]::new));
			return;
		}
		TypeInfo type = TypeInfo.of(field.getType());
		if (type.isResolved() && type.list()) {
			error("'" + key + "' is a list; a group is one value. Name a single-valued field, such as a reference to the"
					+ " entity the rule is about.", hook, P.getHook_Key(), IssueCodes.INVALID_HOOK_KEY);
			return;
		}
		entity.getAnnotations().stream().filter(a -> "limit".equals(a.getName())).findFirst()
				.flatMap(limit -> Models.argument(limit, "per", false))
				.map(per -> per.getValue() instanceof dev.byron.dsl.byron.EnumLiteralValue literal ? literal.getLiteral() : null)
				.filter(per -> !per.equals(key)).ifPresent(per -> warning("'by " + key + "' differs from the field "
						+ entity.getName() + "'s @limit counts per, so the command is exact for the whole component, one at a"
						+ " time. To let groups run in parallel, key the hooks by " + per + ".", hook, P.getHook_Key(),
						IssueCodes.INVALID_HOOK_KEY, per));
	}

	/** Hooks of one command that read own data are exact together: they must agree on their key, or all have none. */
	@Check
	public void hookKeysAgree(Component component) {
		java.util.Map<String, Hook> first = new java.util.HashMap<>();
		for (Member member : component.getMembers()) {
			if (member instanceof Hook hook) {
				String command = Models.linkText(hook, P.getHook_Command());
				Hook earlier = first.putIfAbsent(command, hook);
				if (earlier != null && !java.util.Objects.equals(earlier.getKey(), hook.getKey())) {
					warning("The hooks of " + command + " name different keys (" + describeKey(earlier) + " and "
							+ describeKey(hook) + "), so the command is exact for the whole component, one at a time. Give"
							+ " every hook of " + command + " the same 'by'.", hook, hook.getKey() == null ? P.getHook_Hook()
									: P.getHook_Key(), IssueCodes.INVALID_HOOK_KEY);
				}
			}
		}
	}

	private static String describeKey(Hook hook) {
		return hook.getKey() == null ? "none" : "by " + hook.getKey();
	}
}
