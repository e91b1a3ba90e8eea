package io.tidings.consent;

import java.util.Optional;

/**
 * Signed links a recipient manages its mail with: unsubscribe (from one topic or from all
 * marketing mail), the preference center, and the confirmation of a double opt-in. A link
 * names the contact and its scope; it does not expire, but rotating the signing key
 * revokes it.
 */
public interface UnsubscribeLinks {

	/** The one-click unsubscribe URL from all of the contact's marketing mail. */
	default String urlFor(String contactId) {
		return urlFor(contactId, null);
	}

	/**
	 * @param topic the topic the link unsubscribes from, or null for all marketing mail
	 */
	String urlFor(String contactId, String topic);

	/** The contact's preference center, reached from a mail of the topic. */
	String preferencesUrlFor(String contactId, String topic);

	/** The link that confirms the contact's pending double opt-in. */
	String confirmUrlFor(String contactId);

	/**
	 * What an unsubscribe or preference token was signed for, if it is ours and
	 * untampered.
	 */
	Optional<LinkScope> unsubscribeScopeOf(String token);

	/** The contact a double opt-in token was signed for, if it is ours and untampered. */
	Optional<String> optInContactOf(String token);

	/** The contact an unsubscribe or preference token was signed for. */
	default Optional<String> contactOf(String token) {
		return unsubscribeScopeOf(token).map(LinkScope::contactId);
	}

	/**
	 * @param topic null: all marketing mail
	 */
	record LinkScope(String contactId, String topic) {
	}

}
