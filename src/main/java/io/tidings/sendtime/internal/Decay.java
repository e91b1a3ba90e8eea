package io.tidings.sendtime.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential decay: an engagement one half-life old counts half, two count a quarter.
 */
record Decay(Duration halfLife) {

	double weight(Instant occurredAt, Instant now) {
		double ageSeconds = Math.max(0, Duration.between(occurredAt, now).toSeconds());
		return Math.pow(0.5, ageSeconds / halfLife.toSeconds());
	}

}
