package io.tidings.trigger.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tidings.journey.JourneyTrigger;
import io.tidings.journey.Journeys;
import io.tidings.trigger.TriggerProperties;

import org.springframework.stereotype.Component;

/**
 * Birthdays and signup anniversaries: on the day, once the configured local time has come
 * in the contact's own time zone, the journeys that start at {@code BirthdayReached} or
 * {@code SignupAnniversaryReached} start for that contact, once per year. Someone born on
 * 29 February is celebrated on the 28th in other years. A node that was down at the hour
 * catches up later the same local day, never the day after.
 */
@Component
class DateTriggers {

	static final String BIRTHDAY = "BirthdayReached";

	static final String ANNIVERSARY = "SignupAnniversaryReached";

	private final Journeys journeys;

	private final DateCandidates candidates;

	private final Firing firing;

	private final TriggerProperties properties;

	DateTriggers(Journeys journeys, DateCandidates candidates, Firing firing, TriggerProperties properties) {
		this.journeys = journeys;
		this.candidates = candidates;
		this.firing = firing;
		this.properties = properties;
	}

	/**
	 * @return how many contacts it started journeys for
	 */
	int fireDue(Instant now) {
		return fire(BIRTHDAY, now) + fire(ANNIVERSARY, now);
	}

	private int fire(String trigger, Instant now) {
		List<JourneyTrigger> starts = journeys.triggeredBy(trigger);
		if (starts.isEmpty()) {
			return 0;
		}
		int fired = 0;
		for (LocalDate day : datesSomewhere(now)) {
			List<DateCandidates.Candidate> due = BIRTHDAY.equals(trigger) ? candidates.birthdays(day, trigger)
					: candidates.anniversaries(day, trigger);
			for (DateCandidates.Candidate candidate : due) {
				ZonedDateTime local = now.atZone(zoneOf(candidate.timeZone()));
				if (local.toLocalDate().equals(day) && !local.toLocalTime().isBefore(properties.localTime())) {
					Map<String, Object> variables = candidate.sinceYear() == null
							? Map.of("triggerDate", day.toString())
							: Map.of("triggerDate", day.toString(), "years", day.getYear() - candidate.sinceYear());
					if (firing.fire(trigger, candidate.contactId(), String.valueOf(day.getYear()), starts, variables,
							now)) {
						fired++;
					}
				}
			}
		}
		return fired;
	}

	/** The calendar days it is somewhere on earth right now (UTC−12 to UTC+14). */
	static List<LocalDate> datesSomewhere(Instant now) {
		LocalDate west = now.minus(Duration.ofHours(12)).atZone(java.time.ZoneOffset.UTC).toLocalDate();
		LocalDate east = now.plus(Duration.ofHours(14)).atZone(java.time.ZoneOffset.UTC).toLocalDate();
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = west; !day.isAfter(east); day = day.plusDays(1)) {
			days.add(day);
		}
		return days;
	}

	/**
	 * The birthdays celebrated on this day: 29 February falls on the 28th in other years.
	 */
	static List<MonthDay> celebratedOn(LocalDate day) {
		MonthDay monthDay = MonthDay.from(day);
		if (monthDay.equals(MonthDay.of(2, 28)) && !day.isLeapYear()) {
			return List.of(monthDay, MonthDay.of(2, 29));
		}
		return List.of(monthDay);
	}

	private ZoneId zoneOf(String timeZone) {
		if (timeZone == null) {
			return properties.defaultTimeZone();
		}
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			return properties.defaultTimeZone();
		}
	}

}
