package io.tidings.consent;

import java.util.List;
import java.util.Optional;

/**
 * The suppression list, the consent module's public face for senders. Addresses are
 * compared without regard to case.
 */
public interface Suppressions {

	/**
	 * Puts the address on the list, in the caller's transaction. A hard bounce already
	 * recorded is kept when a weaker reason comes later.
	 */
	void suppress(String email, SuppressionReason reason, String detail);

	Optional<Suppression> find(String email);

	/**
	 * @return whether there was one to lift
	 */
	boolean lift(String email);

	/** A page of the list, newest first. */
	List<Suppression> page(int page, int size);

	long count();

	/**
	 * Why a mail of this category must not go to the address, or empty when it may.
	 */
	default Optional<String> blockReason(String email, EmailCategory category) {
		return find(email).filter(suppression -> suppression.reason().blocks(category))
			.map(suppression -> "suppressed: " + suppression.reason().name().toLowerCase(java.util.Locale.ROOT));
	}

}
