package io.tidings.consent;

import java.util.Optional;

/**
 * Signed links a recipient unsubscribes with. A link names the contact and what it
 * unsubscribes from; it does not expire, but rotating the signing key revokes it.
 */
public interface UnsubscribeLinks {

	/** The one-click unsubscribe URL for the contact's marketing mail. */
	String urlFor(String contactId);

	/** The contact a token was signed for, if it is ours and untampered. */
	Optional<String> contactOf(String token);

}
