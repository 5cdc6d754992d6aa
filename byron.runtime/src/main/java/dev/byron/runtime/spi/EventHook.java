package dev.byron.runtime.spi;

/**
 * User code run by the Sink for each event a component subscribes to with {@code on ... call}. Delivery
 * is at least once: creates made through {@link EventHookContext#component()} are idempotent by
 * construction; other effects should be too.
 */
@FunctionalInterface
public interface EventHook {
	void run(EventHookContext context) throws Exception;
}
