package dev.byron.runtime.command;

import dev.byron.runtime.descriptor.FieldDescriptor;

/** Claims the new values of {@code @unique} fields; a failed command gives them back. */
final class ClaimUniqueValues implements CommandStep {
	private final UniqueClaims claims;

	ClaimUniqueValues(UniqueClaims claims) {
		this.claims = claims;
	}

	@Override
	public void apply(CommandContext context) {
		if (context.kind == CommandKind.DELETE) {
			return;
		}
		for (FieldDescriptor field : context.entity.uniqueFields()) {
			Object value = context.state.get(field.name());
			boolean isNew = context.kind == CommandKind.CREATE || context.changed.contains(field.name());
			if (value != null && isNew) {
				context.newClaims.add(claims.claim(context.entity.name(), field.name(), value, context.id));
			}
		}
	}

	@Override
	public void undo(CommandContext context) {
		context.newClaims.forEach(claim -> claims.release(claim, context.id));
	}
}
