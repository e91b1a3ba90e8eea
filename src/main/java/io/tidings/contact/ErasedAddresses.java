package io.tidings.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The addresses of contacts whose personal data was erased on request, kept only as a
 * hash so the address is not brought back by mistake: an import skips it, and marketing
 * mail to it stays blocked. Anyone who already knows an address can tell whether it was
 * erased; nobody can read the addresses back.
 */
public interface ErasedAddresses {

	/** Remembers the address as erased, in the caller's transaction. */
	void remember(String email);

	/** When the address was erased, or empty when it was not. */
	Optional<Instant> erasedAt(String email);

	/**
	 * Which of these addresses were erased, as given, in one query: an import asks once
	 * per batch.
	 */
	Set<String> erasedAmong(Collection<String> emails);

	/**
	 * Forgets that the address was erased, when the person opts in again.
	 * @return whether it was remembered
	 */
	boolean forget(String email);

	/**
	 * SHA-256 of the trimmed, lower-cased address, as 64 hex digits: what is kept of an
	 * erased address.
	 */
	static String hash(String email) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
