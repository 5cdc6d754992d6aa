package dev.byron.runtime.command;

/** One step of the command pipeline; throws {@link dev.byron.runtime.api.ByronException} to stop it. */
@FunctionalInterface
interface CommandStep {
	void apply(CommandContext context);

	/** Undo what the step did when a later step failed; most steps have nothing to undo. */
	default void undo(CommandContext context) {
	}

	/** The step's name in metrics, e.g. {@code append-event}. */
	default String name() {
		return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
	}
}
