package io.tidings.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * At most {@code max} marketing mails to one contact in any rolling window. Mails on the
 * wire right now count as sent now.
 */
record FrequencyCapRule(int max, Duration window) {

	/**
	 * @param sentInWindow when the contact's marketing mails of the last window were sent
	 * @param inFlight the contact's marketing mails that other workers are sending now
	 * and that come before this one
	 * @return when this mail fits under the cap, if not now
	 */
	Optional<Instant> deferUntil(Instant now, List<Instant> sentInWindow, int inFlight) {
		List<Instant> sends = new ArrayList<>(sentInWindow);
		sends.removeIf(sent -> !sent.isAfter(now.minus(window)));
		for (int i = 0; i < inFlight; i++) {
			sends.add(now);
		}
		if (sends.size() < max) {
			return Optional.empty();
		}
		Collections.sort(sends);
		// The oldest sends have to leave the window until only max - 1 remain.
		Instant leaves = sends.get(sends.size() - max).plus(window);
		return Optional.of(leaves.isAfter(now) ? leaves : now);
	}

}
