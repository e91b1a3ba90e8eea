package io.tidings.delivery;

import java.time.Instant;
import java.util.List;

import io.tidings.consent.EmailCategory;

/**
 * When a mail queued at a given moment would go out under the configured sending rules
 * (quiet hours, frequency cap). It reads and writes nothing, so a simulation can ask it
 * about moments that have not come yet.
 */
public interface SendSchedule {

	/**
	 * @param timeZone the recipient's IANA zone, or null
	 * @param earlierMarketingSends when the recipient's earlier marketing mails went out
	 */
	Scheduled schedule(EmailCategory category, String timeZone, Instant queuedAt, List<Instant> earlierMarketingSends);

	/**
	 * @param heldBackBecause why the mail waited (quiet hours, the cap), or null when it
	 * went at once
	 */
	record Scheduled(Instant at, String heldBackBecause) {
	}

}
