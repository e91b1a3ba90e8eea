package io.tidings.support;

import java.time.Duration;

public final class Pause {

	private Pause() {
	}

	/** Sleeps; an interrupt ends the test instead of being swallowed. */
	public static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
