package io.tidings.consent;

import java.time.Duration;
import java.util.Map;

import io.tidings.support.BoundProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The double opt-in expiry settings: safe defaults, overrides, and nonsense refused. */
class ConsentPropertiesTest {

	@Test
	void aDoubleOptInLapsesAfterThirtyDaysLookedForHourly() {
		ConsentProperties consent = bind(Map.of());

		assertThat(consent.optInExpiry()).isEqualTo(Duration.ofDays(30));
		assertThat(consent.optInExpiryCheck()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void bothCanBeSet() {
		ConsentProperties consent = bind(Map.of("opt-in-expiry", "7d", "opt-in-expiry-check", "10m"));

		assertThat(consent.optInExpiry()).isEqualTo(Duration.ofDays(7));
		assertThat(consent.optInExpiryCheck()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void zeroNegativeOrUnreadableDurationsAreRefusedNamingTheSetting() {
		for (String bad : new String[] { "0s", "-1d" }) {
			assertThatThrownBy(() -> bind(Map.of("opt-in-expiry", bad))).isInstanceOf(BindException.class)
				.rootCause()
				.hasMessageContaining("tidings.consent.opt-in-expiry");
			assertThatThrownBy(() -> bind(Map.of("opt-in-expiry-check", bad))).isInstanceOf(BindException.class)
				.rootCause()
				.hasMessageContaining("tidings.consent.opt-in-expiry-check");
		}
		assertThatThrownBy(() -> bind(Map.of("opt-in-expiry", "a month"))).isInstanceOf(BindException.class);
	}

	private static ConsentProperties bind(Map<String, String> values) {
		Map<String, String> all = new java.util.HashMap<>(values);
		all.put("public-url", "https://tidings.example.com");
		return BoundProperties.bind(ConsentProperties.class, "tidings.consent", all);
	}

}
