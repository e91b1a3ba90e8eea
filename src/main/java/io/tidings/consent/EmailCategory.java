package io.tidings.consent;

/**
 * Marketing mail needs consent for its topic and carries an unsubscribe link;
 * transactional mail (order status, password changed) goes to every address that has not
 * hard-bounced. A send step's input is read by {@link Topics#purposeOf}.
 */
public enum EmailCategory {

	MARKETING, TRANSACTIONAL

}
