package dev.byron.runtime.command;

/** One step of the command pipeline; throws {@link dev.byron.runtime.api.ByronException} to stop it. */
@FunctionalInterface
interface CommandStep {
	void apply(CommandContext context);

	/** Undo what the step did when a later step failed; most steps have nothing to undo. */
	default void undo(CommandContext context) {
	}
}
