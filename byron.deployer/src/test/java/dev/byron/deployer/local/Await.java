package dev.byron.deployer.local;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits, in the local-run tests, for what a running system does in its own time. */
final class Await {
	private Await() {
	}

	static void until(String what, long seconds, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for: " + what);
			}
			Thread.sleep(100);
		}
	}
}
