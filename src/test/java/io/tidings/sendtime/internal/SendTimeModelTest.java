package io.tidings.sendtime.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.tidings.sendtime.SendTimeProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SendTimeModelTest {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final SendTimeProperties DEFAULTS = SendTimeProperties.defaults();

	final SendTimeModel model = new SendTimeModel(DEFAULTS);

	/** Wednesday 2026-11-18, 06:00 in Amsterdam. */
	final Instant now = local(AMSTERDAM, "2026-11-18T06:00");

	@Test
	void anEngagementLosesHalfItsWeightEveryHalfLife() {
		Decay decay = new Decay(Duration.ofDays(30));

		assertThat(decay.weight(now, now)).isEqualTo(1.0);
		assertThat(decay.weight(now.minus(Duration.ofDays(30)), now)).isCloseTo(0.5, within(1e-9));
		assertThat(decay.weight(now.minus(Duration.ofDays(60)), now)).isCloseTo(0.25, within(1e-9));
		assertThat(decay.weight(now.plusSeconds(60), now)).isEqualTo(1.0);
	}

	@Test
	void recentHabitsOutweighOldOnes() {
		List<Instant> opens = new ArrayList<>();
		opens.addAll(daily(AMSTERDAM, now.minus(Duration.ofDays(200)), 20, LocalTime.of(8, 10)));
		opens.addAll(daily(AMSTERDAM, now.minus(Duration.ofDays(14)), 14, LocalTime.of(20, 15)));

		Instant best = model.best(model.patternOf(opens, AMSTERDAM, now), empty(), AMSTERDAM, now,
				Duration.ofHours(24));

		assertThat(best).isEqualTo(local(AMSTERDAM, "2026-11-18T20:00"));
		assertThat(new SendTimeModel(withHalfLife(Duration.ofDays(365))).best(
				new SendTimeModel(withHalfLife(Duration.ofDays(365))).patternOf(opens, AMSTERDAM, now), empty(),
				AMSTERDAM, now, Duration.ofHours(24)))
			.as("with a year's half-life the twenty older opens still win")
			.isEqualTo(local(AMSTERDAM, "2026-11-18T08:00"));
	}

	@Test
	void withoutAnyHistoryTheDefaultHourInTheContactsZoneIsChosen() {
		Instant monday = local(AMSTERDAM, "2026-11-16T12:00");

		assertThat(model.best(empty(), empty(), AMSTERDAM, monday, Duration.ofDays(7)))
			.isEqualTo(local(AMSTERDAM, "2026-11-17T10:00"));
		assertThat(model.best(empty(), empty(), AMSTERDAM, now, Duration.ofHours(24)))
			.as("Tuesday is past, so ten o'clock the next day in the window")
			.isEqualTo(local(AMSTERDAM, "2026-11-18T10:00"));
	}

	@Test
	void aContactWithLittleHistoryGetsTheAudiencesHour() {
		WeeklyPattern audience = model
			.patternOf(daily(AMSTERDAM, now.minus(Duration.ofDays(30)), 28, LocalTime.of(19, 5)), AMSTERDAM, now);
		WeeklyPattern oneOpen = model.patternOf(List.of(local(AMSTERDAM, "2026-11-17T07:30")), AMSTERDAM, now);

		assertThat(model.best(empty(), audience, AMSTERDAM, now, Duration.ofHours(24)))
			.isEqualTo(local(AMSTERDAM, "2026-11-18T19:00"));
		assertThat(model.best(oneOpen, audience, AMSTERDAM, now, Duration.ofHours(24)))
			.isEqualTo(local(AMSTERDAM, "2026-11-18T19:00"));
	}

	@Test
	void enoughHistoryOfTheContactsOwnOutweighsTheAudience() {
		WeeklyPattern audience = model
			.patternOf(daily(AMSTERDAM, now.minus(Duration.ofDays(30)), 28, LocalTime.of(19, 5)), AMSTERDAM, now);
		WeeklyPattern ownHabit = model
			.patternOf(daily(AMSTERDAM, now.minus(Duration.ofDays(12)), 12, LocalTime.of(7, 30)), AMSTERDAM, now);

		assertThat(ownHabit.total()).isGreaterThan(DEFAULTS.minWeight());
		assertThat(model.best(ownHabit, audience, AMSTERDAM, now, Duration.ofHours(24)))
			.isEqualTo(local(AMSTERDAM, "2026-11-18T07:00"));
	}

	@Test
	void hoursAreLearntAndChosenInTheContactsOwnTimeZone() {
		List<Instant> opens = daily(NEW_YORK, now.minus(Duration.ofDays(10)), 10, LocalTime.of(9, 20));

		Instant best = model.best(model.patternOf(opens, NEW_YORK, now), empty(), NEW_YORK, now, Duration.ofHours(24));

		assertThat(best.atZone(NEW_YORK).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-18T09:00"));
		assertThat(best).isEqualTo(Instant.parse("2026-11-18T14:00:00Z"));
	}

	@Test
	void aHabitKeepsItsLocalHourOnBothSidesOfADaylightSavingChange() {
		List<Instant> winterOpens = daily(NEW_YORK, local(NEW_YORK, "2026-02-27T00:00"), 7, LocalTime.of(9, 20));
		List<Instant> bothSides = new ArrayList<>(winterOpens);
		bothSides.addAll(daily(NEW_YORK, local(NEW_YORK, "2026-03-09T00:00"), 5, LocalTime.of(9, 20)));
		Instant saturdayBeforeTheChange = local(NEW_YORK, "2026-03-07T12:00");
		Instant saturdayAfter = local(NEW_YORK, "2026-03-14T12:00");

		Instant acrossTheChange = model.best(model.patternOf(winterOpens, NEW_YORK, saturdayBeforeTheChange), empty(),
				NEW_YORK, saturdayBeforeTheChange, Duration.ofHours(24));
		Instant inSummerTime = model.best(model.patternOf(bothSides, NEW_YORK, saturdayAfter), empty(), NEW_YORK,
				saturdayAfter, Duration.ofHours(24));

		assertThat(acrossTheChange).as("Sunday 8 March starts in EST and is in EDT by nine")
			.isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
		assertThat(Duration.between(saturdayBeforeTheChange, acrossTheChange)).isEqualTo(Duration.ofHours(20));
		assertThat(inSummerTime).isEqualTo(Instant.parse("2026-03-15T13:00:00Z"));
		assertThat(model.best(model.patternOf(winterOpens, NEW_YORK, saturdayBeforeTheChange), empty(), NEW_YORK,
				local(NEW_YORK, "2026-01-10T12:00"), Duration.ofHours(24)))
			.as("in winter time nine o'clock is 14:00 UTC")
			.isEqualTo(Instant.parse("2026-01-11T14:00:00Z"));
	}

	@Test
	void theBestHourBeyondTheMaximumDelayIsNeverChosen() {
		List<Instant> opens = daily(AMSTERDAM, now.minus(Duration.ofDays(14)), 14, LocalTime.of(20, 15));
		opens.addAll(daily(AMSTERDAM, now.minus(Duration.ofDays(14)), 14, LocalTime.of(20, 45)));
		opens.addAll(daily(AMSTERDAM, now.minus(Duration.ofDays(14)), 10, LocalTime.of(11, 10)));
		WeeklyPattern habits = model.patternOf(opens, AMSTERDAM, now);

		assertThat(model.best(habits, empty(), AMSTERDAM, now, Duration.ofHours(24)))
			.isEqualTo(local(AMSTERDAM, "2026-11-18T20:00"));
		assertThat(model.best(habits, empty(), AMSTERDAM, now, Duration.ofHours(6)))
			.as("the evening is out of reach; the lesser habit within six hours")
			.isEqualTo(local(AMSTERDAM, "2026-11-18T11:00"));
		assertThat(model.best(habits, empty(), AMSTERDAM, now, Duration.ofMinutes(299)))
			.as("eleven o'clock is one minute too late")
			.isBetween(now, now.plus(Duration.ofMinutes(299)));
	}

	@Test
	void aBestHourThatHasBegunOrIsMomentsAwayMeansNow() {
		WeeklyPattern evenings = model
			.patternOf(daily(AMSTERDAM, now.minus(Duration.ofDays(14)), 14, LocalTime.of(20, 15)), AMSTERDAM, now);
		Instant during = local(AMSTERDAM, "2026-11-18T20:40");
		Instant justBefore = local(AMSTERDAM, "2026-11-18T19:57");
		Instant wellBefore = local(AMSTERDAM, "2026-11-18T19:40");

		assertThat(model.best(evenings, empty(), AMSTERDAM, during, Duration.ofHours(24))).isEqualTo(during);
		assertThat(model.best(evenings, empty(), AMSTERDAM, justBefore, Duration.ofHours(24))).isEqualTo(justBefore);
		assertThat(model.best(evenings, empty(), AMSTERDAM, wellBefore, Duration.ofHours(24)))
			.isEqualTo(local(AMSTERDAM, "2026-11-18T20:00"));
		assertThat(model.best(evenings, empty(), AMSTERDAM, wellBefore, Duration.ZERO)).isEqualTo(wellBefore);
		assertThat(model.best(evenings, empty(), AMSTERDAM, wellBefore, Duration.ofHours(-1))).isEqualTo(wellBefore);
	}

	@Test
	void generalisingKeepsTheEvidenceAndSpreadsItToNeighbouringHoursAndDays() {
		WeeklyPattern one = new WeeklyPattern();
		one.add(WeeklyPattern.hourOfWeek(local(AMSTERDAM, "2026-11-17T10:30"), AMSTERDAM), 1);

		WeeklyPattern spread = one.generalised();

		assertThat(spread.total()).isCloseTo(1.0, within(1e-9));
		int tuesdayTen = 24 + 10;
		assertThat(spread.at(tuesdayTen)).isGreaterThan(spread.at(tuesdayTen + 1));
		assertThat(spread.at(tuesdayTen + 1)).isGreaterThan(spread.at(tuesdayTen + 24));
		assertThat(spread.at(tuesdayTen + 24)).isGreaterThan(spread.at(tuesdayTen + 24 + 3));
		assertThat(WeeklyPattern.defaultHour(DayOfWeek.TUESDAY, LocalTime.of(10, 0)).total()).isCloseTo(1.0,
				within(1e-9));
	}

	static List<Instant> daily(ZoneId zone, Instant from, int days, LocalTime at) {
		List<Instant> instants = new ArrayList<>();
		ZonedDateTime day = from.atZone(zone);
		for (int i = 0; i < days; i++) {
			instants.add(day.plusDays(i).with(at).toInstant());
		}
		return instants;
	}

	static Instant local(ZoneId zone, String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
	}

	static WeeklyPattern empty() {
		return new WeeklyPattern();
	}

	static SendTimeProperties withHalfLife(Duration halfLife) {
		SendTimeProperties d = DEFAULTS;
		return new SendTimeProperties(d.enabled(), halfLife, d.lookback(), d.minWeight(), d.defaultDay(),
				d.defaultTime(), d.defaultZone(), d.sendNowWithin(), d.audienceRefresh());
	}

}
