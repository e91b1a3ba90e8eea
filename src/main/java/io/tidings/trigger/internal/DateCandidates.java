package io.tidings.trigger.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Contacts whose birthday or signup anniversary falls on a day and for whom the trigger
 * has not fired in that year yet; both queries use an index.
 */
@Repository
class DateCandidates {

	/** Anniversaries are looked for up to this many years back. */
	private static final int MAX_YEARS = 100;

	private final NamedParameterJdbcTemplate jdbc;

	DateCandidates(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record Candidate(String contactId, String timeZone, Integer sinceYear) {
	}

	List<Candidate> birthdays(LocalDate day, String trigger) {
		List<Candidate> found = new ArrayList<>();
		for (MonthDay monthDay : DateTriggers.celebratedOn(day)) {
			found.addAll(jdbc.query("""
					SELECT c.id, c.time_zone, c.birthday_year FROM contacts c
					WHERE c.birthday_month = :month AND c.birthday_day = :day
					  AND (c.address_status IS NULL OR c.address_status <> 'INVALID')
					  AND NOT EXISTS (SELECT 1 FROM trigger_firings f
					                  WHERE f.trigger_key = :trigger AND f.contact_id = c.id AND f.period = :year)""",
					new MapSqlParameterSource("month", monthDay.getMonthValue())
						.addValue("day", monthDay.getDayOfMonth())
						.addValue("trigger", trigger)
						.addValue("year", String.valueOf(day.getYear())),
					(rs, row) -> new Candidate(rs.getString("id"), rs.getString("time_zone"),
							rs.getObject("birthday_year", Integer.class))));
		}
		return found;
	}

	List<Candidate> anniversaries(LocalDate day, String trigger) {
		List<Date> signupDays = new ArrayList<>();
		for (int years = 1; years <= MAX_YEARS; years++) {
			LocalDate past = day.minusYears(years);
			for (MonthDay monthDay : DateTriggers.celebratedOn(day)) {
				if (monthDay.isValidYear(past.getYear())) {
					signupDays.add(Date.valueOf(monthDay.atYear(past.getYear())));
				}
			}
		}
		return jdbc.query("""
				SELECT c.id, c.time_zone, c.signed_up_on FROM contacts c
				WHERE c.signed_up_on IN (:days) AND (c.address_status IS NULL OR c.address_status <> 'INVALID')
				  AND NOT EXISTS (SELECT 1 FROM trigger_firings f
				                  WHERE f.trigger_key = :trigger AND f.contact_id = c.id AND f.period = :year)""",
				new MapSqlParameterSource("days", signupDays).addValue("trigger", trigger)
					.addValue("year", String.valueOf(day.getYear())),
				(rs, row) -> new Candidate(rs.getString("id"), rs.getString("time_zone"),
						rs.getDate("signed_up_on").toLocalDate().getYear()));
	}

}
