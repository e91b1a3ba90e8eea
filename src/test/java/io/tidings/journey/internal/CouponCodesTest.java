package io.tidings.journey.internal;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import io.tidings.journey.JourneyProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CouponCodesTest {

	static CouponCodes codes(String secret) {
		return new CouponCodes(new JourneyProperties(new JourneyProperties.Coupons(secret),
				new JourneyProperties.Webhook("", Duration.ofSeconds(1)),
				new JourneyProperties.LocalTimeWaits(ZoneOffset.UTC),
				new JourneyProperties.EngineMetrics(Duration.ofSeconds(5))));
	}

	@Test
	void aCodeIsTheDocumentedHmacSoTheShopCanRecomputeIt() {
		// HMAC-SHA256("test-secret", "BDAY:c-42:2026"), first 60 bits in Crockford base
		// 32,
		// worked out independently of this class.
		assertThat(codes("test-secret").codeFor("BDAY", "c-42", 2026)).isEqualTo("BDAY-HEF2-X5VK-4R20");
		assertThat(codes("test-secret").codeFor("BDAY", "c-42", 2027)).isEqualTo("BDAY-39VQ-NDEK-AW2V");
	}

	@Test
	void codesDifferPerContactPrefixYearAndSecret() {
		Set<String> seen = new HashSet<>();
		for (int contact = 0; contact < 2000; contact++) {
			assertThat(seen.add(codes("s").codeFor("BDAY", "c-" + contact, 2026).substring(5))).isTrue();
		}
		assertThat(codes("s").codeFor("ANNI", "c-1", 2026).substring(5))
			.isNotEqualTo(codes("s").codeFor("BDAY", "c-1", 2026).substring(5));
		assertThat(codes("other").codeFor("BDAY", "c-1", 2026)).isNotEqualTo(codes("s").codeFor("BDAY", "c-1", 2026));
	}

	@Test
	void withoutASecretNoCodeIsMadeAndTheIncidentSaysWhatToSet() {
		assertThatThrownBy(() -> codes(" ").codeFor("BDAY", "c-1", 2026)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("TIDINGS_COUPON_SECRET");
	}

	@Test
	void aPrefixIsShortCapitalsOrDigits() {
		for (String prefix : new String[] { "", "bday", "BIRTHDAYS", "B-D", null }) {
			assertThatThrownBy(() -> codes("s").codeFor(prefix, "c-1", 2026))
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

}
