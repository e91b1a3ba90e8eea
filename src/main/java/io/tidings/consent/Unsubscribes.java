package io.tidings.consent;

/**
 * Unsubscribing, by any route. It takes effect at once: the change is recorded with its
 * source, an unsubscribe from all marketing mail suppresses the address for marketing,
 * and {@link ContactUnsubscribed} ends what is under way.
 */
public interface Unsubscribes {

	/**
	 * Unsubscribes from what the token was signed for: the topic of the mail it came in,
	 * or all marketing mail.
	 * @param ip the request's address, for web routes
	 * @param userAgent the request's user agent, for web routes
	 * @throws UnknownUnsubscribeToken when the token is not ours, tampered or names no
	 * contact
	 */
	Unsubscribed unsubscribe(String token, String source, String ip, String userAgent);

	/**
	 * Unsubscribes the token's contact from all marketing mail, whatever topic the token
	 * names.
	 * @throws UnknownUnsubscribeToken as {@link #unsubscribe}
	 */
	Unsubscribed unsubscribeFromAll(String token, String source, String ip, String userAgent);

	/**
	 * Unsubscribes a contact named by id from all marketing mail, for routes that do not
	 * come with a link: the API, a spam complaint from a feedback loop.
	 * @return the address that was unsubscribed
	 * @throws io.tidings.contact.UnknownContact when there is no such contact
	 */
	String unsubscribeContact(String contactId, String source, String ip, String userAgent);

	/**
	 * @param topic null: all marketing mail
	 */
	record Unsubscribed(String email, String topic) {
	}

}
