package io.tidings.contact;

import java.time.LocalDate;
import java.util.Map;

/**
 * What an event, an API call or an import row says about a contact. Null fields leave the
 * stored value as it is; attributes are merged key by key, and an attribute given as null
 * is removed.
 */
public record ContactChange(String id, String email, String firstName, String lastName, String locale, String timeZone,
		Birthday birthday, LocalDate signedUpOn, Map<String, Object> attributes) {

	public ContactChange {
		attributes = attributes == null ? Map.of() : attributes;
	}

	/** A change of the basic fields only. */
	public static ContactChange of(String id, String email, String firstName, String lastName, String locale,
			String timeZone, Map<String, Object> attributes) {
		return new ContactChange(id, email, firstName, lastName, locale, timeZone, null, null, attributes);
	}

}
