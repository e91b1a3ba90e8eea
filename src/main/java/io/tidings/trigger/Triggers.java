package io.tidings.trigger;

import java.time.Instant;

/**
 * The triggers that are not a single event: birthdays and signup anniversaries at a local
 * time, and inactivity. They fire on their own every poll interval.
 */
public interface Triggers {

	/**
	 * Starts every journey that is due at {@code now} and has not started for its contact
	 * and period yet; what already fired is left alone, so calling it again is harmless.
	 * @return how many contacts journeys were started for
	 */
	int fireDue(Instant now);

}
