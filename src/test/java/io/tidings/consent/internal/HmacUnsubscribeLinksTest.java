package io.tidings.consent.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import io.tidings.consent.ConsentProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HmacUnsubscribeLinksTest {

	final HmacUnsubscribeLinks links = links("first-secret-of-thirty-two-bytes!");

	@Test
	void aLinkLeadsBackToItsContact() {
		String url = links.urlFor("c-42/ü");

		assertThat(url).startsWith("https://mail.shop.example/u/");
		String token = url.substring(url.lastIndexOf('/') + 1);
		assertThat(links.contactOf(token)).hasValue("c-42/ü");
	}

	@Test
	void aTamperedOrForeignTokenLeadsNowhere() {
		String token = links.tokenFor("c-42");
		String[] parts = token.split("\\.");
		String otherContact = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("c-43".getBytes(StandardCharsets.UTF_8));

		assertThat(links.contactOf(otherContact + "." + parts[1] + "." + parts[2])).isEmpty();
		assertThat(links.contactOf(parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A")).isEmpty();
		assertThat(links.contactOf(parts[0] + ".k9." + parts[2])).isEmpty();
		assertThat(links.contactOf("garbage")).isEmpty();
		assertThat(links.contactOf("a.b.c.d")).isEmpty();
		assertThat(links.contactOf("..")).isEmpty();
		assertThat(links.contactOf("%%%.env.%%%")).isEmpty();
		assertThat(links.contactOf(null)).isEmpty();
	}

	@Test
	void anotherKeyRevokesEveryEarlierLink() {
		String token = links.tokenFor("c-42");

		assertThat(links("a-rotated-secret-of-32-bytes-long").contactOf(token)).isEmpty();
	}

	private static HmacUnsubscribeLinks links(String secret) {
		ConsentProperties properties = new ConsentProperties("https://mail.shop.example/", secret);
		// Only the configured key: no database behind this test.
		SigningKeys keys = new SigningKeys(null, properties, Clock.systemUTC()) {
			@Override
			Optional<Key> find(String id) {
				return SigningKeys.CONFIGURED.equals(id) ? Optional.of(current()) : Optional.empty();
			}
		};
		return new HmacUnsubscribeLinks(keys, properties);
	}

}
