package io.tidings.delivery.internal;

import java.time.Instant;

import io.tidings.consent.EmailCategory;

/**
 * A queued row a worker has claimed, with everything needed to check it and put it on the
 * wire, and the journey step it came from (null for a mail sent outside a journey), which
 * goes into every log line of its sending.
 */
record ClaimedDelivery(String id, String messageId, String contactId, EmailCategory category, String topic,
		String recipient, String recipientName, String recipientTimeZone, String subject, String html, String text,
		int attempts, Instant createdAt, String unsubscribeUrl, String journeyInstanceId, String stepId) {

	ClaimedDelivery(String id, String messageId, String contactId, EmailCategory category, String topic,
			String recipient, String recipientName, String recipientTimeZone, String subject, String html, String text,
			int attempts, Instant createdAt, String unsubscribeUrl) {
		this(id, messageId, contactId, category, topic, recipient, recipientName, recipientTimeZone, subject, html,
				text, attempts, createdAt, unsubscribeUrl, null, null);
	}

}
