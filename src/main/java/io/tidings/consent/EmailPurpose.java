package io.tidings.consent;

import java.util.Objects;

/**
 * What a mail is for: transactional, or marketing of one topic. The topic decides which
 * consent the mail needs and which unsubscribe stops it.
 *
 * @param topic the marketing topic, null for transactional mail
 */
public record EmailPurpose(EmailCategory category, String topic) {

	public EmailPurpose {
		Objects.requireNonNull(category, "category");
		if ((category == EmailCategory.MARKETING) != (topic != null)) {
			throw new IllegalArgumentException("marketing mail has a topic, transactional mail none");
		}
	}

	public static EmailPurpose transactional() {
		return new EmailPurpose(EmailCategory.TRANSACTIONAL, null);
	}

	public static EmailPurpose marketing(String topic) {
		return new EmailPurpose(EmailCategory.MARKETING, topic);
	}

	public boolean isMarketing() {
		return category == EmailCategory.MARKETING;
	}

}
