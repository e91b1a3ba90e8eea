package io.tidings.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrequencyCapRuleTest {

	static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	final FrequencyCapRule threePerWeek = new FrequencyCapRule(3, Duration.ofDays(7));

	@Test
	void underTheCapGoesNow() {
		assertThat(threePerWeek.deferUntil(NOW, List.of(days(-1), days(-2)), 0)).isEmpty();
	}

	@Test
	void atTheCapWaitsUntilTheOldestLeavesTheWindow() {
		assertThat(threePerWeek.deferUntil(NOW, List.of(days(-1), days(-5), days(-3)), 0)).hasValue(days(2));
	}

	@Test
	void sendsOlderThanTheWindowDoNotCount() {
		assertThat(threePerWeek.deferUntil(NOW, List.of(days(-1), days(-2), days(-8)), 0)).isEmpty();
	}

	@Test
	void mailsOnTheWireCountAsSentNow() {
		assertThat(threePerWeek.deferUntil(NOW, List.of(days(-6), days(-1)), 1)).hasValue(days(1));
	}

	@Test
	void overTheCapWaitsUntilEnoughHaveLeft() {
		// The cap was lowered: five sends in the window, so three must leave it.
		List<Instant> sends = List.of(days(-6), days(-5), days(-4), days(-3), days(-2));
		assertThat(threePerWeek.deferUntil(NOW, sends, 0)).hasValue(days(3));
	}

	private static Instant days(int offset) {
		return NOW.plus(Duration.ofDays(offset));
	}

}
