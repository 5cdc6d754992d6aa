package dev.byron.runtime.command;

import dev.byron.runtime.descriptor.UniqueKey;

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
		try {
			for (UniqueKey unique : context.entity.uniqueKeys()) {
				boolean isNew = context.kind == CommandKind.CREATE || unique.fields().stream().anyMatch(context.changed::contains);
				if (isNew) {
					UniqueClaims.values(unique, context.state).ifPresent(values ->
							context.newClaims.add(claims.claim(context.entity.name(), unique, values, context.id)));
				}
			}
		} catch (RuntimeException e) {
			undo(context); // the keys claimed before the one that was taken
			throw e;
		}
	}

	@Override
	public void undo(CommandContext context) {
		context.newClaims.forEach(claim -> claims.release(claim, context.id));
	}
}
