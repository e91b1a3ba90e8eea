package io.tidings.delivery;

import java.util.Objects;

/**
 * One email a journey step asks for, already rendered.
 *
 * @param dedupeKey identifies the step that asked: a second request with the same key is
 * ignored, so a retried or repeated job never makes a second email
 */
public record OutgoingEmail(String dedupeKey, String contactId, String journeyKey, String journeyInstanceId,
		String stepId, String templateKey, EmailCategory category, String recipient, String recipientName,
		String subject, String html, String text) {

	public OutgoingEmail {
		Objects.requireNonNull(dedupeKey, "dedupeKey");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(category, "category");
	}

}
