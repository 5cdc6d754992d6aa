package dev.byron.runtime.command;

import dev.byron.runtime.descriptor.FieldDescriptor;

/** After the append: values an update replaced, or a delete dropped, are free again. */
final class ReleaseOldUniqueValues implements CommandStep {
	private final UniqueClaims claims;

	ReleaseOldUniqueValues(UniqueClaims claims) {
		this.claims = claims;
	}

	@Override
	public void apply(CommandContext context) {
		if (context.kind == CommandKind.CREATE) {
			return;
		}
		for (FieldDescriptor field : context.entity.uniqueFields()) {
			Object old = context.previous.get(field.name());
			boolean dropped = context.kind == CommandKind.DELETE || context.changed.contains(field.name());
			if (old != null && dropped) {
				String entity = context.entity.name();
				claims.release(new UniqueClaims.Claim(UniqueClaims.key(entity, field.name(), old), entity, field.name(), old),
						context.id);
			}
		}
	}
}
