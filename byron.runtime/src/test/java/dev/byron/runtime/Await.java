package dev.byron.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for an eventually consistent condition, failing with a message after a generous bound. */
public final class Await {
	private Await() {
	}

	public static void until(String what, BooleanSupplier condition) {
		until(what, Duration.ofSeconds(60), condition);
	}

	public static void until(String what, Duration bound, BooleanSupplier condition) {
		long deadline = System.nanoTime() + bound.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not reached within " + bound + ": " + what);
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
