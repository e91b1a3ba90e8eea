package io.tidings.support;

import java.time.Duration;

/**
 * The size of a chaos run. The integration tests run scaled down by default; the scripts
 * in chaos/ run the same tests at full size with {@code -Dchaos.journeys=10000} and
 * friends.
 */
public final class ChaosSettings {

	private ChaosSettings() {
	}

	/** How many contacts sign up, each expecting one welcome mail. */
	public static int journeys(int scaledDown) {
		return Integer.getInteger("chaos.journeys", scaledDown);
	}

	/** How long the SMTP server stays away in the outage test. */
	public static Duration outage(Duration scaledDown) {
		String value = System.getProperty("chaos.outage");
		return value == null ? scaledDown : Duration.parse("PT" + value.toUpperCase());
	}

	/** How long to wait for the system to settle after the fault. */
	public static Duration patience(Duration scaledDown) {
		String value = System.getProperty("chaos.patience");
		return value == null ? scaledDown : Duration.parse("PT" + value.toUpperCase());
	}

	/** A line for the build log, easy to find among Maven's. */
	public static void report(String test, String figures) {
		System.out.println("[chaos] " + test + ": " + figures);
	}

}
