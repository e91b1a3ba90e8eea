package io.tidings.consent.web;

final class MaskedAddress {

	private MaskedAddress() {
	}

	/** ann@example.com → a••@example.com: enough to recognise, not enough to harvest. */
	static String of(String email) {
		int at = email.lastIndexOf('@');
		return at <= 0 ? "•••" : email.charAt(0) + "••" + email.substring(at);
	}

}
