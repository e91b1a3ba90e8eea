package io.tidings.consent;

import java.util.Locale;

/**
 * Marketing mail needs consent and carries an unsubscribe link; transactional mail (order
 * status, password changed) goes to every address that has not hard-bounced.
 */
public enum EmailCategory {

	MARKETING, TRANSACTIONAL;

	/**
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static EmailCategory parse(String value) {
		if (value == null || value.isBlank()) {
			return MARKETING;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Unknown email category '" + value + "': use 'marketing' or 'transactional'");
		}
	}

}
