package dev.byron.runtime.command;

import dev.byron.runtime.descriptor.UniqueKey;

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
		for (UniqueKey unique : context.entity.uniqueKeys()) {
			boolean dropped = context.kind == CommandKind.DELETE || unique.fields().stream().anyMatch(context.changed::contains);
			if (dropped) {
				var kept = context.kind == CommandKind.DELETE ? java.util.Optional.empty() : UniqueClaims.values(unique, context.state);
				UniqueClaims.values(unique, context.previous).filter(old -> !kept.equals(java.util.Optional.of(old))).ifPresent(old ->
						claims.release(UniqueClaims.of(context.entity.name(), unique, old), context.id));
			}
		}
	}
}
