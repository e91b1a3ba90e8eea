package io.tidings.consent;

import java.time.Instant;

/**
 * Published in the transaction that records an unsubscribe, so the contact's running
 * journeys of that topic (or all its marketing journeys) end and queued mail of it is
 * withdrawn with it.
 *
 * @param topic the topic unsubscribed from, or null for all marketing mail
 * @param source where it came from: ONE_CLICK, LINK, PREFERENCE_PAGE, API, ...
 */
public record ContactUnsubscribed(String contactId, String email, String topic, String source, Instant at) {

	public boolean fromAllMarketing() {
		return topic == null;
	}

}
