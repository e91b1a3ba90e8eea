package io.tidings.delivery;

import java.security.interfaces.RSAPrivateKey;
import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * DKIM signing (RFC 6376) of every outgoing mail: rsa-sha256, relaxed/relaxed. Off by
 * default. When on, the key is read and checked while these settings are bound, so a
 * missing or unusable key stops start-up instead of failing each mail.
 *
 * @param enabled sign every outgoing mail
 * @param domain the signing domain (d=); blank means the domain of
 * {@code tidings.delivery.from-address}
 * @param selector the selector (s=): receivers look the public key up at
 * {@code <selector>._domainkey.<domain>}
 * @param privateKeyFile path of a PEM file with the PKCS#8 RSA private key
 * @param privateKey the same PEM text given inline, e.g. from a secret in an environment
 * variable; set this or {@code privateKeyFile}, not both
 * @param signedHeaders the header fields signed when a mail has them; must include From
 */
@Validated
@ConfigurationProperties("tidings.delivery.dkim")
public record DkimProperties(boolean enabled,
		@Pattern(regexp = DNS_NAME,
				message = "must be a domain name such as shop.example (TIDINGS_DKIM_DOMAIN)") String domain,
		@Pattern(regexp = DNS_NAME,
				message = "must be a DNS name such as mail2025 (TIDINGS_DKIM_SELECTOR)") String selector,
		String privateKeyFile, String privateKey, List<String> signedHeaders) {

	private static final String DNS_NAME = "(?i)[a-z0-9_]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9])?)*";

	private static final List<String> DEFAULT_SIGNED_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID",
			"MIME-Version", "Content-Type", "List-Unsubscribe", "List-Unsubscribe-Post");

	public DkimProperties {
		domain = blankToNull(domain);
		selector = blankToNull(selector);
		privateKeyFile = blankToNull(privateKeyFile);
		privateKey = blankToNull(privateKey);
		signedHeaders = (signedHeaders == null || signedHeaders.isEmpty()) ? DEFAULT_SIGNED_HEADERS
				: List.copyOf(signedHeaders);
		if (signedHeaders.stream().noneMatch("From"::equalsIgnoreCase)) {
			throw new IllegalArgumentException(
					"tidings.delivery.dkim.signed-headers must include From: RFC 6376 requires it to be signed");
		}
		if (enabled) {
			if (selector == null) {
				throw new IllegalArgumentException("DKIM signing is enabled but has no selector: set "
						+ "TIDINGS_DKIM_SELECTOR to the name the public key is published under "
						+ "(<selector>._domainkey.<domain>)");
			}
			if (privateKeyFile == null && privateKey == null) {
				throw new IllegalArgumentException("DKIM signing is enabled but has no private key: set "
						+ "TIDINGS_DKIM_PRIVATE_KEY_FILE to a PEM file or TIDINGS_DKIM_PRIVATE_KEY to the PEM text");
			}
			if (privateKeyFile != null && privateKey != null) {
				throw new IllegalArgumentException("DKIM signing has two private keys: set "
						+ "TIDINGS_DKIM_PRIVATE_KEY_FILE or TIDINGS_DKIM_PRIVATE_KEY, not both");
			}
			// Read now so that a bad key stops start-up; signingKey() reads it again for
			// use.
			PrivateKeyPem.read(privateKeyFile, privateKey);
		}
	}

	/** The private key, read and checked; callers read it once, at start-up. */
	public RSAPrivateKey signingKey() {
		if (!enabled) {
			throw new IllegalStateException("DKIM signing is not enabled");
		}
		return PrivateKeyPem.read(privateKeyFile, privateKey);
	}

	public String signingDomain(DeliveryProperties delivery) {
		return (domain != null) ? domain : delivery.messageIdDomain();
	}

	/** Keeps an inline private key out of logs and error reports. */
	@Override
	public String toString() {
		return "DkimProperties[enabled=%s, domain=%s, selector=%s, privateKeyFile=%s, privateKey=%s, signedHeaders=%s]"
			.formatted(enabled, domain, selector, privateKeyFile, (privateKey != null) ? "(hidden)" : null,
					signedHeaders);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
