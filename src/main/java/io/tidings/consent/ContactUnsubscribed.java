package io.tidings.consent;

import java.time.Instant;

/**
 * Published in the transaction that records an unsubscribe from all marketing mail, so
 * running marketing journeys end and queued marketing mail is withdrawn with it.
 *
 * @param source where it came from: ONE_CLICK, LINK, API
 */
public record ContactUnsubscribed(String contactId, String email, String source, Instant at) {
}
