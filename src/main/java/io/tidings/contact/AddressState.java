package io.tidings.contact;

import java.time.Instant;

/**
 * What the last address check found, as stored on the contact.
 *
 * @param status VALID, RISKY, INVALID or UNKNOWN; null when the address was never checked
 */
public record AddressState(String status, String reason, Instant checkedAt) {

	public static final AddressState UNCHECKED = new AddressState(null, null, null);

	public boolean invalid() {
		return "INVALID".equals(status);
	}

}
