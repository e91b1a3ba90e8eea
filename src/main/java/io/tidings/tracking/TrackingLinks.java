package io.tidings.tracking;

import java.util.Optional;

/**
 * The tracking module's public face for the recipient's side: what happens when a mail's
 * open pixel is fetched or one of its tracked links followed.
 */
public interface TrackingLinks {

	/**
	 * Records an open of the mail the token belongs to.
	 * @return false when the token names no mail (unknown, tampered, erased)
	 */
	boolean opened(String token, Visitor visitor);

	/**
	 * Records a click on the link the token belongs to.
	 * @return where the link leads, exactly as it was in the mail; empty when the token
	 * names no link
	 */
	Optional<String> clicked(String token, Visitor visitor);

}
