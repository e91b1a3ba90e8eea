package io.tidings.delivery.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.tidings.consent.EmailCategory;
import io.tidings.delivery.DeliveryProperties;
import io.tidings.delivery.SendSchedule.Scheduled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSendScheduleTest {

	private final RuleSendSchedule schedule = new RuleSendSchedule(properties(2));

	@Test
	void marketingMailQueuedInQuietHoursGoesWhenTheyEndInTheContactsZone() {
		// 22:30 in Paris (UTC+1 in winter): quiet until 08:00 local, 07:00 UTC.
		Scheduled sent = schedule.schedule(EmailCategory.MARKETING, "Europe/Paris",
				Instant.parse("2026-11-24T21:30:00Z"), List.of());

		assertThat(sent.at()).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
		assertThat(sent.heldBackBecause()).isEqualTo("quiet hours");
	}

	@Test
	void transactionalMailIsNeverHeldBack() {
		Instant night = Instant.parse("2026-11-24T23:00:00Z");

		assertThat(schedule.schedule(EmailCategory.TRANSACTIONAL, "UTC", night, List.of(night, night, night)))
			.isEqualTo(new Scheduled(night, null));
	}

	@Test
	void aMailOverTheCapWaitsUntilItFitsAndThenStillMindsQuietHours() {
		// Two sends in the day before: the third waits until the first leaves the window
		// at 22:00 UTC, which is in quiet hours, so it goes at 08:00.
		Instant now = Instant.parse("2026-11-24T12:00:00Z");
		List<Instant> earlier = List.of(Instant.parse("2026-11-24T22:00:00Z").minus(Duration.ofDays(1)),
				Instant.parse("2026-11-24T11:00:00Z"));

		Scheduled sent = schedule.schedule(EmailCategory.MARKETING, "UTC", now, earlier);

		assertThat(sent.at()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
		assertThat(sent.heldBackBecause()).isEqualTo("quiet hours");
	}

	@Test
	void underTheCapAndOutsideQuietHoursItGoesAtOnce() {
		Instant noon = Instant.parse("2026-11-24T12:00:00Z");

		assertThat(schedule.schedule(EmailCategory.MARKETING, null, noon, List.of(noon.minus(Duration.ofHours(2)))))
			.isEqualTo(new Scheduled(noon, null));
	}

	private static DeliveryProperties properties(int cap) {
		return new DeliveryProperties("hello@shop.example", "Shop", 1, 10, Duration.ofSeconds(1), Duration.ofMinutes(2),
				3, Duration.ofSeconds(30), new DeliveryProperties.FrequencyCap(cap, Duration.ofDays(1)),
				new DeliveryProperties.QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneOffset.UTC),
				new DeliveryProperties.RateLimits(0, 0, Map.of()), 50);
	}

}
