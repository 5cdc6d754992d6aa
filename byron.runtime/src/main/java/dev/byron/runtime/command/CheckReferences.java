package dev.byron.runtime.command;

import java.util.List;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.Echo;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldType;

/**
 * A reference must point at an entity that exists: an own entity (checked on its stream), or a replicated
 * one (checked in the replica, as far as this component knows). References to entities this component does
 * not replicate cannot be checked. An entity the command's before hooks found is not read again.
 */
final class CheckReferences implements CommandStep {
	private final ComponentDescriptor component;
	private final EntityLog log;
	private final Cache cache;

	CheckReferences(ComponentDescriptor component, EntityLog log, Cache cache) {
		this.component = component;
		this.log = log;
		this.cache = cache;
	}

	@Override
	public void apply(CommandContext context) {
		if (context.kind == CommandKind.DELETE) {
			return;
		}
		for (FieldDescriptor field : context.entity.fields()) {
			FieldType type = field.type();
			if (type.kind() != FieldType.Kind.ENTITY
					|| context.kind == CommandKind.UPDATE && !context.changed.contains(field.name())) {
				continue;
			}
			Object value = context.state.get(field.name());
			List<?> ids = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
			for (Object id : ids) {
				if (id != null && !exists(context, type, id.toString())) {
					throw ByronException.validation(field.name(), "'" + field.name() + "' points at " + type.component() + "."
							+ type.name() + " " + Echo.of(id) + ", which does not exist" + (own(type) ? "." : " (as far as " + component.name() + " knows)."));
				}
			}
		}
	}

	private boolean own(FieldType type) {
		return type.component() == null || type.component().equals(component.name());
	}

	private boolean exists(CommandContext context, FieldType type, String id) {
		if (own(type)) {
			String collection = Cache.ownCollection(type.name());
			if (context.foundByHooks(collection, id) || cache.find(collection, id).isPresent()) {
				return true;
			}
			return log.last(type.name(), id).filter(e -> !e.event().isDeletion()).isPresent();
		}
		if (component.replica(type.component(), type.name()).isEmpty()) {
			return true;
		}
		String collection = Cache.replicaCollection(type.component(), type.name());
		return context.foundByHooks(collection, id) || cache.find(collection, id).isPresent();
	}
}
