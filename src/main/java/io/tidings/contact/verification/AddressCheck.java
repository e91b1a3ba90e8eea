package io.tidings.contact.verification;

import java.util.Objects;

/**
 * The outcome of one address check, as the contact stores it.
 *
 * @param reason a short text for a person, e.g. "role address (info@)"; at most 255
 * characters, the width of the contact's column
 */
public record AddressCheck(AddressStatus status, String reason) {

	static final int MAX_REASON_LENGTH = 255;

	public AddressCheck {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(reason, "reason");
		if (reason.length() > MAX_REASON_LENGTH) {
			reason = reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
		}
	}

}
