package io.tidings.consent;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
		return find(email).flatMap(suppression -> blockReason(suppression.reason(), category));
	}

	/**
	 * {@link #blockReason} for several addresses at once: the delivery workers ask once
	 * per batch of mails.
	 * @return the blocked addresses, as given, with their reasons
	 */
	default Map<String, String> blockReasons(Collection<String> emails, EmailCategory category) {
		Map<String, String> blocked = new LinkedHashMap<>();
		for (String email : emails) {
			blockReason(email, category).ifPresent(reason -> blocked.put(email, reason));
		}
		return blocked;
	}

	static Optional<String> blockReason(SuppressionReason reason, EmailCategory category) {
		return reason.blocks(category) ? Optional.of("suppressed: " + reason.name().toLowerCase(Locale.ROOT))
				: Optional.empty();
	}

}
