package io.tidings.consent;

/**
 * Unsubscribing from all marketing mail, by any route. It takes effect at once: the
 * address is suppressed for marketing, the change is recorded with its source, and
 * {@link ContactUnsubscribed} ends what is under way.
 */
public interface Unsubscribes {

	/**
	 * @param ip the request's address, for web routes
	 * @param userAgent the request's user agent, for web routes
	 * @return the address that was unsubscribed
	 * @throws UnknownUnsubscribeToken when the token is not ours, tampered or names no
	 * contact
	 */
	String unsubscribe(String token, String source, String ip, String userAgent);

}
