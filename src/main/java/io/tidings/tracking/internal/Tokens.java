package io.tidings.tracking.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Tracking tokens: 128 random bits, URL-safe. They are keys into stored rows, so nothing
 * can be learnt from or forged into them, and no signing key has to be kept or rotated.
 */
final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

	private Tokens() {
	}

	static String next() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether the text could be a token at all; anything else is not looked up. */
	static boolean wellFormed(String token) {
		return token != null && SHAPE.matcher(token).matches();
	}

}
