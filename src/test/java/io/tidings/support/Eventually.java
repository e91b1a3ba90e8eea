package io.tidings.support;

import java.time.Duration;
import java.util.function.Supplier;

public final class Eventually {

	private Eventually() {
	}

	/** Polls until the value satisfies the condition, or fails with what it saw last. */
	public static <T> T within(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		T last = probe.get();
		while (!condition.test(last)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within " + timeout + "; last value: " + last);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			last = probe.get();
		}
		return last;
	}

}
