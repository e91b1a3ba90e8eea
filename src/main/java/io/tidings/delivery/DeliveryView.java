package io.tidings.delivery;

import java.time.Instant;

import io.tidings.consent.EmailCategory;

/**
 * A delivery as operators and the API see it; no message body.
 */
public record DeliveryView(String id, String messageId, String contactId, String journeyKey, String journeyInstanceId,
		String stepId, String templateKey, EmailCategory category, String recipient, String subject,
		DeliveryStatus status, String statusReason, int attempts, Instant nextAttemptAt, String smtpReply,
		String lastError, Instant createdAt, Instant sentAt, Instant bouncedAt) {
}
