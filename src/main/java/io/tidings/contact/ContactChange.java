package io.tidings.contact;

import java.util.Map;

/**
 * What an event or API call says about a contact. Null fields leave the stored value as
 * it is; attributes are merged key by key, and an attribute given as null is removed.
 */
public record ContactChange(String id, String email, String firstName, String lastName, String locale, String timeZone,
		Map<String, Object> attributes) {

	public ContactChange {
		attributes = attributes == null ? Map.of() : attributes;
	}

}
