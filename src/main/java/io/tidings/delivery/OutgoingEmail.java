package io.tidings.delivery;

import java.util.Objects;

import io.tidings.consent.EmailCategory;

/**
 * One email a journey step asks for, already rendered.
 *
 * @param dedupeKey identifies the step visit that asked: a second request with the same
 * key is ignored, so a retried or repeated job never makes a second email
 * @param step the journey step waiting for the outcome, or null for a mail no journey
 * waits for
 * @param topic the marketing topic, null for transactional mail
 * @param recipientTimeZone the contact's IANA time zone for quiet hours, or null
 * @param unsubscribeUrl the one-click unsubscribe link for List-Unsubscribe, for
 * marketing mail
 * @param variant the A/B test variant the step gave the contact, or null
 */
public record OutgoingEmail(String dedupeKey, String contactId, SendingStep step, String templateKey,
		EmailCategory category, String topic, String recipient, String recipientName, String recipientTimeZone,
		String subject, String html, String text, String unsubscribeUrl, String variant) {

	public OutgoingEmail {
		Objects.requireNonNull(dedupeKey, "dedupeKey");
		Objects.requireNonNull(contactId, "contactId");
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(category, "category");
	}

	/** A mail that is no A/B test variant. */
	public OutgoingEmail(String dedupeKey, String contactId, SendingStep step, String templateKey,
			EmailCategory category, String topic, String recipient, String recipientName, String recipientTimeZone,
			String subject, String html, String text, String unsubscribeUrl) {
		this(dedupeKey, contactId, step, templateKey, category, topic, recipient, recipientName, recipientTimeZone,
				subject, html, text, unsubscribeUrl, null);
	}

}
