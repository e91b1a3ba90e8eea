package io.tidings.delivery.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursWindowTest {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	final QuietHoursWindow night = new QuietHoursWindow(LocalTime.of(21, 0), LocalTime.of(8, 0));

	@Test
	void lateEveningWaitsForTheNextMorning() {
		// 22:30 in Amsterdam (UTC+1 in winter).
		assertThat(night.deferUntil(Instant.parse("2026-01-15T21:30:00Z"), AMSTERDAM))
			.hasValue(Instant.parse("2026-01-16T07:00:00Z"));
	}

	@Test
	void earlyMorningWaitsForTheSameMorning() {
		assertThat(night.deferUntil(Instant.parse("2026-01-16T04:00:00Z"), AMSTERDAM))
			.hasValue(Instant.parse("2026-01-16T07:00:00Z"));
	}

	@Test
	void daytimeAndTheEndItselfAreNotQuiet() {
		assertThat(night.deferUntil(Instant.parse("2026-01-16T12:00:00Z"), AMSTERDAM)).isEmpty();
		assertThat(night.deferUntil(Instant.parse("2026-01-16T07:00:00Z"), AMSTERDAM)).isEmpty();
		assertThat(night.deferUntil(Instant.parse("2026-01-16T19:59:59Z"), AMSTERDAM)).isEmpty();
		assertThat(night.deferUntil(Instant.parse("2026-01-16T20:00:00Z"), AMSTERDAM)).isPresent();
	}

	@Test
	void theSameInstantIsQuietInOneZoneAndNotInAnother() {
		Instant instant = Instant.parse("2026-01-16T02:00:00Z");
		assertThat(night.deferUntil(instant, AMSTERDAM)).isPresent();
		// 18:00 the evening before in Los Angeles.
		assertThat(night.deferUntil(instant, ZoneId.of("America/Los_Angeles"))).isEmpty();
	}

	@Test
	void aWindowWithinOneDay() {
		QuietHoursWindow lunch = new QuietHoursWindow(LocalTime.of(12, 0), LocalTime.of(13, 30));
		assertThat(lunch.deferUntil(Instant.parse("2026-01-16T12:15:00Z"), ZoneId.of("UTC")))
			.hasValue(Instant.parse("2026-01-16T13:30:00Z"));
		assertThat(lunch.deferUntil(Instant.parse("2026-01-16T11:59:00Z"), ZoneId.of("UTC"))).isEmpty();
	}

	@Test
	void theEndFollowsDaylightSavingTime() {
		// The night of 28 to 29 March 2026: clocks go from 02:00 to 03:00 in Amsterdam.
		assertThat(night.deferUntil(Instant.parse("2026-03-28T22:00:00Z"), AMSTERDAM))
			.hasValue(Instant.parse("2026-03-29T06:00:00Z"));
	}

}
