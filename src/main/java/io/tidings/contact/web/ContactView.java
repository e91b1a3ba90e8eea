package io.tidings.contact.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.tidings.contact.AddressState;
import io.tidings.contact.Contact;

/** A contact as the API shows it. */
record ContactView(String id, String email, String firstName, String lastName, String locale, String timeZone,
		String birthday, LocalDate signedUpOn, Map<String, Object> attributes, Instant createdAt, Instant updatedAt,
		Instant lastEngagedAt, AddressState address) {

	static ContactView of(Contact contact) {
		return new ContactView(contact.id(), contact.email(), contact.firstName(), contact.lastName(), contact.locale(),
				contact.timeZone(), contact.birthday() == null ? null : contact.birthday().toString(),
				contact.signedUpOn(), contact.attributes(), contact.createdAt(), contact.updatedAt(),
				contact.lastEngagedAt(), contact.address());
	}

}
