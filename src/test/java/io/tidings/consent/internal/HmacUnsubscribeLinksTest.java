package io.tidings.consent.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import io.tidings.consent.ConsentProperties;
import io.tidings.consent.UnsubscribeLinks.LinkScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HmacUnsubscribeLinksTest {

	final HmacUnsubscribeLinks links = links("first-secret-of-thirty-two-bytes!");

	@Test
	void aLinkLeadsBackToItsContactAndTopic() {
		String url = links.urlFor("c-42/ü", "promotions");

		assertThat(url).startsWith("https://mail.shop.example/u/");
		assertThat(links.unsubscribeScopeOf(tokenOf(url))).hasValue(new LinkScope("c-42/ü", "promotions"));
		assertThat(links.unsubscribeScopeOf(tokenOf(links.urlFor("c-42")))).hasValue(new LinkScope("c-42", null));
		assertThat(links.preferencesUrlFor("c-42", "newsletter")).startsWith("https://mail.shop.example/preferences/");
		assertThat(links.contactOf(tokenOf(links.preferencesUrlFor("c-42", "newsletter")))).hasValue("c-42");
	}

	@Test
	void theFirstLinksSentWithoutATopicStillUnsubscribeFromAll() {
		SigningKeys.Key key = keys("first-secret-of-thirty-two-bytes!").current();
		String payload = encoded("c-42");
		// The three-part form of the first release: <contact>.<key>.<mac over key +
		// contact>
		String legacy = payload + "." + key.id() + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(macOf(key, payload));

		assertThat(links.unsubscribeScopeOf(legacy)).hasValue(new LinkScope("c-42", null));
	}

	@Test
	void aTamperedOrForeignTokenLeadsNowhere() {
		String token = links.tokenFor("c-42", "newsletter");
		String[] parts = token.split("\\.");

		assertThat(links.contactOf(String.join(".", encoded("c-43"), parts[1], parts[2], parts[3]))).isEmpty();
		assertThat(links.contactOf(String.join(".", parts[0], "promotions", parts[2], parts[3]))).isEmpty();
		assertThat(links.contactOf(String.join(".", parts[0], HmacUnsubscribeLinks.ALL, parts[2], parts[3]))).isEmpty();
		assertThat(links.contactOf(String.join(".", parts[0], parts[1], parts[2], parts[3].substring(1) + "A")))
			.isEmpty();
		assertThat(links.contactOf(String.join(".", parts[0], parts[1], "k9", parts[3]))).isEmpty();
		assertThat(links.contactOf(String.join(".", parts[0], parts[2], parts[3]))).isEmpty();
		assertThat(links.contactOf("garbage")).isEmpty();
		assertThat(links.contactOf("a.b.c.d.e")).isEmpty();
		assertThat(links.contactOf("...")).isEmpty();
		assertThat(links.contactOf("%%%.x.env.%%%")).isEmpty();
		assertThat(links.contactOf("x".repeat(5000))).isEmpty();
		assertThat(links.contactOf(null)).isEmpty();
	}

	@Test
	void anOptInLinkConfirmsAndDoesNothingElse() {
		String optIn = tokenOf(links.confirmUrlFor("c-42"));

		assertThat(links.confirmUrlFor("c-42")).startsWith("https://mail.shop.example/confirm/");
		assertThat(links.optInContactOf(optIn)).hasValue("c-42");
		assertThat(links.unsubscribeScopeOf(optIn)).isEmpty();
		assertThat(links.optInContactOf(links.tokenFor("c-42", "newsletter"))).isEmpty();
	}

	@Test
	void anotherKeyRevokesEveryEarlierLink() {
		String token = links.tokenFor("c-42", "newsletter");

		assertThat(links("a-rotated-secret-of-32-bytes-long").contactOf(token)).isEmpty();
	}

	private static String tokenOf(String url) {
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private static String encoded(String contactId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(contactId.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] macOf(SigningKeys.Key key, String text) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(key.secret(), "HmacSHA256"));
			mac.update((key.id() + ".").getBytes(StandardCharsets.UTF_8));
			return java.util.Arrays.copyOf(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 16);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SigningKeys keys(String secret) {
		ConsentProperties properties = ConsentProperties.withDefaultTopics("https://mail.shop.example/", secret);
		// Only the configured key: no database behind this test.
		return new SigningKeys(null, properties, Clock.systemUTC(), null) {
			@Override
			Optional<Key> find(String id) {
				return SigningKeys.CONFIGURED.equals(id) ? Optional.of(current()) : Optional.empty();
			}
		};
	}

	private static HmacUnsubscribeLinks links(String secret) {
		return new HmacUnsubscribeLinks(keys(secret),
				ConsentProperties.withDefaultTopics("https://mail.shop.example/", secret));
	}

}
