package io.tidings.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who receives mail. The id is the caller's own (a user id of the shop or SaaS).
 *
 * @param signedUpOn the day the person became a customer or user, for anniversaries
 * @param lastEngagedAt the last open, click or conversion, for inactivity
 * @param address what the last address check found
 */
public record Contact(String id, String email, String firstName, String lastName, String locale, String timeZone,
		Birthday birthday, LocalDate signedUpOn, Map<String, Object> attributes, Instant createdAt, Instant updatedAt,
		Instant lastEngagedAt, AddressState address) {

	public Contact {
		Map<String, Object> copy = new LinkedHashMap<>(attributes);
		copy.values().removeIf(Objects::isNull);
		attributes = Collections.unmodifiableMap(copy);
		address = address == null ? AddressState.UNCHECKED : address;
	}

	public Optional<Locale> preferredLocale() {
		return Optional.ofNullable(locale).map(Locale::forLanguageTag);
	}

	public String displayName() {
		String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
		return name.isEmpty() ? null : name;
	}

	/** The contact as templates and expressions see it: plain values, no behaviour. */
	public Map<String, Object> asTemplateModel() {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("id", id);
		model.put("email", email);
		model.put("firstName", firstName);
		model.put("lastName", lastName);
		model.put("name", displayName());
		model.put("locale", locale);
		model.put("timeZone", timeZone);
		model.put("birthday", birthday == null ? null : birthday.toString());
		model.put("signedUpOn", signedUpOn == null ? null : signedUpOn.toString());
		model.put("attributes", attributes);
		return model;
	}

}
