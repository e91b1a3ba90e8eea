package io.tidings.sendtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.tidings.sendtime.EngagementHistory;
import io.tidings.sendtime.SendTimeProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AudiencePatternTest {

	final Instant now = Instant.parse("2026-11-18T05:00:00Z");

	final List<Instant> opens = new ArrayList<>();

	final List<String> zones = new ArrayList<>();

	final EngagementHistory history = new EngagementHistory() {

		@Override
		public List<Instant> humanEngagements(String contactId, Instant since) {
			return List.of();
		}

		@Override
		public void eachHumanEngagement(Instant since, AudienceEngagement sink) {
			for (int i = 0; i < opens.size(); i++) {
				if (!opens.get(i).isBefore(since)) {
					sink.accept(opens.get(i), zones.get(i));
				}
			}
		}

	};

	final AudiencePattern audience = new AudiencePattern(history, new SendTimeModel(SendTimeProperties.defaults()),
			Duration.ofDays(365), Duration.ofHours(1), ZoneId.of("UTC"));

	@Test
	void eachEngagementCountsInItsContactsOwnZoneAndUnknownZonesInTheDefault() {
		open("2026-11-17T11:30:00Z", "Europe/Amsterdam");
		open("2026-11-17T11:30:00Z", "Not/AZone");
		open("2026-11-17T11:30:00Z", null);

		WeeklyPattern pattern = audience.asOf(now);

		int tuesday = 24;
		assertThat(pattern.at(tuesday + 12)).isGreaterThan(0.9).isLessThan(1.0);
		assertThat(pattern.at(tuesday + 11)).isGreaterThan(1.8);
	}

	@Test
	void thePatternIsReusedUntilTheRefreshIsDue() {
		open("2026-11-17T11:30:00Z", "UTC");
		double first = audience.asOf(now).total();
		open("2026-11-17T12:30:00Z", "UTC");

		assertThat(audience.asOf(now.plus(Duration.ofMinutes(59))).total()).isEqualTo(first);
		assertThat(audience.asOf(now.plus(Duration.ofMinutes(60))).total()).isGreaterThan(first);
	}

	@Test
	void engagementsOlderThanTheLookbackAreNotRead() {
		open("2025-11-17T11:30:00Z", "UTC");

		assertThat(audience.asOf(now).total()).isZero();
	}

	private void open(String at, String zone) {
		opens.add(Instant.parse(at));
		zones.add(zone);
	}

}
