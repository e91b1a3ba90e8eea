package io.tidings.contact;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day of the year a person was born, with the year when known.
 *
 * @param year null when the caller gave only month and day
 */
public record Birthday(int month, int day, Integer year) {

	private static final Pattern FORMAT = Pattern.compile("(?:(\\d{4})|-)-(\\d{2})-(\\d{2})|(\\d{2})-(\\d{2})");

	public Birthday {
		MonthDay.of(month, day);
		if (year != null) {
			LocalDate.of(year, month, day);
		}
	}

	/**
	 * Reads {@code 1990-02-28}, {@code --02-28} (ISO 8601 without year) or {@code 02-28}.
	 * @throws IllegalArgumentException saying what is accepted
	 */
	public static Birthday parse(String text) {
		Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
		if (matcher.matches()) {
			try {
				if (matcher.group(4) != null) {
					return new Birthday(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)), null);
				}
				Integer year = matcher.group(1) == null ? null : Integer.valueOf(matcher.group(1));
				return new Birthday(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)), year);
			}
			catch (DateTimeException ex) {
				// Falls through to the message below.
			}
		}
		throw new IllegalArgumentException(
				"is not a birthday: use YYYY-MM-DD, or --MM-DD when the year is unknown (e.g. 1990-02-28 or --02-28)");
	}

	/**
	 * The day it is celebrated in that year: 29 February falls on the 28th in other
	 * years.
	 */
	public LocalDate in(int celebrationYear) {
		int celebratedDay = month == 2 && day == 29 && !Year.isLeap(celebrationYear) ? 28 : day;
		return LocalDate.of(celebrationYear, month, celebratedDay);
	}

	@Override
	public String toString() {
		String monthDay = "%02d-%02d".formatted(month, day);
		return year == null ? "--" + monthDay : "%04d-%s".formatted(year, monthDay);
	}

}
