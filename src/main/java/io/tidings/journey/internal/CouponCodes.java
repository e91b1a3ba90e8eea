package io.tidings.journey.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.tidings.journey.JourneyProperties;

import org.springframework.stereotype.Component;

/**
 * Personal coupon codes that need no table: HMAC-SHA256 with the configured secret over
 * {@code PREFIX:contactId:year}, its first 60 bits written as 12 characters of
 * Crockford's base 32 (no I, L, O or U, so nobody misreads them) in groups of four after
 * the prefix: {@code BDAY-7K3M-9QXT-4HRW}. The same contact gets the same code all year,
 * a new one the next, and the shop holding the secret can recompute a code to check it;
 * nobody without the secret can make one up.
 */
@Component
class CouponCodes {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("[A-Z0-9]{1,8}");

	private final JourneyProperties.Coupons settings;

	CouponCodes(JourneyProperties properties) {
		this.settings = properties.coupons();
	}

	String codeFor(String prefix, String contactId, int year) {
		if (prefix == null || !PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException(
					"A coupon prefix is 1 to 8 capital letters or digits, not '" + prefix + "'");
		}
		if (!settings.configured()) {
			throw new IllegalStateException(
					"No coupon secret is set: set TIDINGS_COUPON_SECRET (the key the shop checks codes with), then retry");
		}
		long bits = first60Bits(hmac(prefix + ":" + contactId + ":" + year));
		StringBuilder code = new StringBuilder(prefix);
		for (int i = 0; i < 12; i++) {
			if (i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt((int) (bits >>> (55 - 5 * i)) & 31));
		}
		return code.toString();
	}

	private byte[] hmac(String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private static long first60Bits(byte[] digest) {
		long bits = 0;
		for (int i = 0; i < 8; i++) {
			bits = (bits << 8) | (digest[i] & 0xFF);
		}
		return bits >>> 4;
	}

}
