package io.tidings.delivery.internal;

import java.time.Instant;

import io.tidings.consent.EmailCategory;

/**
 * A queued row a worker has claimed, with everything needed to check it and put it on the
 * wire.
 */
record ClaimedDelivery(String id, String messageId, String contactId, EmailCategory category, String topic,
		String recipient, String recipientName, String recipientTimeZone, String subject, String html, String text,
		int attempts, Instant createdAt, String unsubscribeUrl) {
}
