package io.tidings.journey.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next moment a zone's clock shows a time: later today or tomorrow, on a given day of
 * the week, across daylight saving time's gaps and overlaps.
 */
class LocalTimesTest {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final LocalTime NINE = LocalTime.of(9, 0);

	@Test
	void laterTodayWhenTheTimeIsStillToCome() {
		Instant now = at("2026-03-02T06:15", AMSTERDAM);

		assertThat(next(now, AMSTERDAM, NINE)).isEqualTo(at("2026-03-02T09:00", AMSTERDAM));
	}

	@Test
	void tomorrowWhenTheTimeHasPassedAndNowWhenItIsExactlyTheTime() {
		assertThat(next(at("2026-03-02T09:00:01", AMSTERDAM), AMSTERDAM, NINE))
			.isEqualTo(at("2026-03-03T09:00", AMSTERDAM));
		assertThat(next(at("2026-03-02T09:00", AMSTERDAM), AMSTERDAM, NINE))
			.isEqualTo(at("2026-03-02T09:00", AMSTERDAM));
	}

	@Test
	void theDayIsTheContactsOwnNotUtcs() {
		// 23:30 UTC on Monday is already Tuesday 08:30 in Tokyo.
		Instant now = Instant.parse("2026-03-02T23:30:00Z");
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");

		assertThat(next(now, tokyo, NINE)).isEqualTo(at("2026-03-03T09:00", tokyo));
		assertThat(next(now, ZoneOffset.UTC, NINE)).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
	}

	@Test
	void theClockJustAfterTheSpringGapCountsFromTheNewOffset() {
		// 2026-03-29: Amsterdam goes from 02:00 CET straight to 03:00 CEST.
		Instant saturday = at("2026-03-28T10:00", AMSTERDAM);

		assertThat(next(saturday, AMSTERDAM, NINE)).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
		assertThat(next(saturday, AMSTERDAM, LocalTime.of(2, 30)))
			.as("02:30 does not exist that night: an hour later by the old clock, 03:30 by the new")
			.isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
	}

	@Test
	void aTimeTheAutumnOverlapRepeatsIsTheFirstOneStillToCome() {
		// 2026-11-01: New York goes from 02:00 EDT back to 01:00 EST; 01:30 happens
		// twice.
		LocalTime halfPastOne = LocalTime.of(1, 30);
		Instant firstHalfPastOne = Instant.parse("2026-11-01T05:30:00Z");
		Instant secondHalfPastOne = Instant.parse("2026-11-01T06:30:00Z");

		assertThat(next(at("2026-11-01T00:10", NEW_YORK), NEW_YORK, halfPastOne)).isEqualTo(firstHalfPastOne);
		assertThat(next(firstHalfPastOne.plusSeconds(60), NEW_YORK, halfPastOne)).isEqualTo(secondHalfPastOne);
		assertThat(next(secondHalfPastOne.plusSeconds(60), NEW_YORK, halfPastOne))
			.isEqualTo(at("2026-11-02T01:30", NEW_YORK));
		assertThat(next(at("2026-10-31T12:00", NEW_YORK), NEW_YORK, NINE))
			.as("the day the clocks go back is 25 hours long; 09:00 is in EST")
			.isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
	}

	@Test
	void onAGivenDayOfTheWeek() {
		// 2026-03-02 is a Monday.
		Optional<DayOfWeek> monday = Optional.of(DayOfWeek.MONDAY);

		assertThat(LocalTimes.next(at("2026-03-02T08:00", AMSTERDAM), AMSTERDAM, NINE, monday))
			.isEqualTo(at("2026-03-02T09:00", AMSTERDAM));
		assertThat(LocalTimes.next(at("2026-03-02T10:00", AMSTERDAM), AMSTERDAM, NINE, monday))
			.as("a week later when this Monday's 09:00 has passed")
			.isEqualTo(at("2026-03-09T09:00", AMSTERDAM));
		assertThat(LocalTimes.next(at("2026-03-02T10:00", AMSTERDAM), AMSTERDAM, NINE, Optional.of(DayOfWeek.FRIDAY)))
			.isEqualTo(at("2026-03-06T09:00", AMSTERDAM));
	}

	private static Instant next(Instant now, ZoneId zone, LocalTime time) {
		return LocalTimes.next(now, zone, time, Optional.empty());
	}

	private static Instant at(String localDateTime, ZoneId zone) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

}
