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
 * Tokens of the form {@code <contact id, base64url>.<scope>.<key id>.<HMAC-SHA256, 128
 * bits>}, the scope being a topic, {@code _all} or {@code _optin}; the signature covers
 * the scope, so a link for one topic cannot be turned into another. Tokens without a
 * scope (the first links sent) unsubscribe from all marketing mail. Nothing but a valid
 * signature with a live key gets a contact out of a token.
 */
@Component
class HmacUnsubscribeLinks implements UnsubscribeLinks {

	static final String ALL = "_all";

	static final String OPT_IN = "_optin";

	private static final int MAC_BYTES = 16;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SigningKeys keys;

	private final ConsentProperties properties;

	HmacUnsubscribeLinks(SigningKeys keys, ConsentProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Override
	public String urlFor(String contactId, String topic) {
		return properties.unsubscribeUrl(tokenFor(contactId, topic == null ? ALL : topic));
	}

	@Override
	public String preferencesUrlFor(String contactId, String topic) {
		return properties.preferencesUrl(tokenFor(contactId, topic == null ? ALL : topic));
	}

	@Override
	public String confirmUrlFor(String contactId) {
		return properties.confirmUrl(tokenFor(contactId, OPT_IN));
	}

	String tokenFor(String contactId, String scope) {
		SigningKeys.Key key = keys.current();
		String payload = ENCODER.encodeToString(contactId.getBytes(StandardCharsets.UTF_8));
		return payload + "." + scope + "." + key.id() + "." + ENCODER.encodeToString(mac(key, payload + "." + scope));
	}

	@Override
	public Optional<LinkScope> unsubscribeScopeOf(String token) {
		return verified(token).filter(signed -> !OPT_IN.equals(signed.scope()))
			.map(signed -> new LinkScope(signed.contactId(), ALL.equals(signed.scope()) ? null : signed.scope()));
	}

	@Override
	public Optional<String> optInContactOf(String token) {
		return verified(token).filter(signed -> OPT_IN.equals(signed.scope())).map(Signed::contactId);
	}

	private record Signed(String contactId, String scope) {
	}

	private Optional<Signed> verified(String token) {
		String[] parts = token == null || token.length() > 700 ? new String[0] : token.split("\\.", -1);
		if (parts.length != 3 && parts.length != 4 || parts[0].isEmpty()) {
			return Optional.empty();
		}
		boolean scoped = parts.length == 4;
		String scope = scoped ? parts[1] : ALL;
		String signedText = scoped ? parts[0] + "." + parts[1] : parts[0];
		Optional<SigningKeys.Key> key = keys.find(parts[parts.length - 2]);
		if (key.isEmpty() || scope.isEmpty()) {
			return Optional.empty();
		}
		try {
			byte[] given = Base64.getUrlDecoder().decode(parts[parts.length - 1]);
			if (!MessageDigest.isEqual(given, mac(key.get(), signedText))) {
				return Optional.empty();
			}
			return Optional
				.of(new Signed(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8), scope));
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
	}

	private static byte[] mac(SigningKeys.Key key, String signedText) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
			mac.update((key.id() + ".").getBytes(StandardCharsets.UTF_8));
			return Arrays.copyOf(mac.doFinal(signedText.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
