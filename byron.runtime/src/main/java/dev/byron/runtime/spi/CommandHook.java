package dev.byron.runtime.spi;

/**
 * User code run around a command: {@code before} hooks may change the new state or refuse the command
 * (throw {@link dev.byron.runtime.api.ByronException}); {@code after} hooks see the appended result.
 */
@FunctionalInterface
public interface CommandHook {
	void run(CommandHookContext context) throws Exception;
}
