package io.tidings.consent.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.tidings.consent.ConsentProperties;
import io.tidings.consent.UnsubscribeLinks;

import org.springframework.stereotype.Component;

/**
 * Tokens of the form {@code <contact id, base64url>.<key id>.<HMAC-SHA256, 128 bits>}:
 * nothing but a valid signature with a live key gets a contact out of a token.
 */
@Component
class HmacUnsubscribeLinks implements UnsubscribeLinks {

	private static final int MAC_BYTES = 16;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SigningKeys keys;

	private final ConsentProperties properties;

	HmacUnsubscribeLinks(SigningKeys keys, ConsentProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public String urlFor(String contactId) {
		return properties.unsubscribeUrl(tokenFor(contactId));
	}

	String tokenFor(String contactId) {
		SigningKeys.Key key = keys.current();
		String payload = ENCODER.encodeToString(contactId.getBytes(StandardCharsets.UTF_8));
		return payload + "." + key.id() + "." + ENCODER.encodeToString(mac(key, payload));
	}

	@Override
	public Optional<String> contactOf(String token) {
		String[] parts = token == null ? new String[0] : token.split("\\.", -1);
		if (parts.length != 3 || parts[0].isEmpty() || parts[0].length() > 400) {
			return Optional.empty();
		}
		Optional<SigningKeys.Key> key = keys.find(parts[1]);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		try {
			byte[] given = Base64.getUrlDecoder().decode(parts[2]);
			if (!MessageDigest.isEqual(given, mac(key.get(), parts[0]))) {
				return Optional.empty();
			}
			return Optional.of(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
	}

	private static byte[] mac(SigningKeys.Key key, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
			mac.update((key.id() + ".").getBytes(StandardCharsets.UTF_8));
			return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
