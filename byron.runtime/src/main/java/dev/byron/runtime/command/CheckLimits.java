package dev.byron.runtime.command;

import java.util.Map;
import java.util.Objects;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.descriptor.CountLimit;
import dev.byron.runtime.descriptor.FieldType;

/**
 * {@code @limit(max, per: field)}: a create, or an update that moves the entity to another value of {@code per},
 * counts the entities already there and is refused with CONFLICT at the maximum. The count is a read of the
 * component's own data, so the command is fenced on its group ({@link ReadFence}) as a hook keyed {@code by} that
 * field would be: exact across API processes, and a deletion frees a place by no longer being counted.
 */
final class CheckLimits implements CommandStep {
	private final Cache cache;
	private final ReadFence fence;
	/** An entity's state as the fenced command reads it ({@link CommandPipeline#current(CommandContext, String, String)}). */
	interface ExactRead {
		java.util.Optional<Map<String, Object>> current(CommandContext reader, String entity, String id);
	}

	private final ExactRead read;

	private final String component;

	CheckLimits(String component, Cache cache, ReadFence fence, ExactRead read) {
		this.component = component;
		this.cache = cache;
		this.fence = fence;
		this.read = read;
	}

	@Override
	public void apply(CommandContext context) {
		if (context.kind == CommandKind.DELETE) {
			return;
		}
		for (CountLimit limit : context.entity.countLimits()) {
			Object value = context.state.get(limit.per());
			boolean moved = context.kind == CommandKind.CREATE
					|| !Objects.equals(String.valueOf(value), String.valueOf(context.previous.get(limit.per())));
			if (value == null || !moved) {
				continue;
			}
			fence.beforeRead(context);
			int max = maximum(context, limit, value);
			long taken = cache.countOthers(Cache.ownCollection(context.entity.name()), limit.per(), value, context.id);
			if (taken >= max) {
				throw new ByronException(ErrorCode.CONFLICT, "No room for another " + context.entity.name() + " with "
						+ limit.per() + " " + value + ": " + limit.describe() + " allows " + max + ", and " + taken
						+ " are there. Delete one, or raise the limit.", limit.per(), null);
			}
		}
	}

	private int maximum(CommandContext context, CountLimit limit, Object value) {
		if (limit.max() != null) {
			return limit.max();
		}
		FieldType type = context.entity.field(limit.per()).map(f -> f.type()).filter(t -> t.kind() == FieldType.Kind.ENTITY)
				.orElseThrow(() -> new IllegalStateException(limit.describe() + " on "
						+ context.entity.name() + ": '" + limit.per() + "' references no entity"));
		String referenced = type.name();
		boolean own = type.component() == null || type.component().equals(component);
		// another component's entity is read from this component's replica of it, as of what it has received
		Map<String, Object> target = (own ? read.current(context, referenced, String.valueOf(value))
				: cache.find(Cache.replicaCollection(type.component(), referenced), String.valueOf(value))
						.map(dev.byron.runtime.cache.Documents::toMap))
				.orElseThrow(() -> ByronException.validation(limit.per(), "No " + (own ? "" : type.component() + ".") + referenced
						+ " " + value + (own ? "." : " (as far as this component knows).")));
		Object max = target.get(limit.maxField());
		return max instanceof Number number ? number.intValue() : 0;
	}
}
