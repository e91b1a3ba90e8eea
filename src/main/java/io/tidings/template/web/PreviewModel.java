package io.tidings.template.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.tidings.consent.EmailPurpose;
import io.tidings.contact.Birthday;
import io.tidings.contact.Contact;

/**
 * The model a send step gives a template (contact, data, journey, unsubscribeUrl,
 * preferencesUrl, topic), filled for a preview. Its links lead nowhere: a preview of a
 * real contact must not hand out a working unsubscribe link for that person, so they
 * point to the reserved {@code .invalid} domain (RFC 6761), which never resolves.
 */
final class PreviewModel {

	static final String SAMPLE_CONTACT_ID = "sample";

	static final String INERT_UNSUBSCRIBE_URL = "https://preview.invalid/unsubscribe";

	static final String INERT_PREFERENCES_URL = "https://preview.invalid/preferences";

	private PreviewModel() {
	}

	/** A made-up contact with every field set, for templates that show them. */
	static Contact sampleContact(String locale) {
		return new Contact(SAMPLE_CONTACT_ID, "ann.example@example.com", "Ann", "Example", locale, "Europe/Amsterdam",
				new Birthday(2, 28, 1990), LocalDate.of(2024, 5, 1), Map.of("plan", "free"), null, null, null, null);
	}

	static Map<String, Object> of(Contact contact, EmailPurpose purpose, Map<String, Object> data) {
		Map<String, Object> model = new HashMap<>();
		model.put("contact", contact.asTemplateModel());
		model.put("data", data);
		model.put("journey", Map.of("key", "preview", "step", "preview", "instanceId", "preview"));
		model.put("unsubscribeUrl", purpose.isMarketing() ? INERT_UNSUBSCRIBE_URL : null);
		model.put("preferencesUrl", purpose.isMarketing() ? INERT_PREFERENCES_URL : null);
		model.put("topic", purpose.topic());
		return model;
	}

}
