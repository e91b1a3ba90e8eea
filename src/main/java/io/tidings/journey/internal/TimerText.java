package io.tidings.journey.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;

/**
 * The rules a timer's text follows in our journeys: an ISO 8601 duration, date or
 * repeating cycle, or an expression (which only the running journey can evaluate). The
 * engine accepts {@code PT2X} at deploy and fails only when the timer is due to start.
 */
public final class TimerText {

	public enum Kind {

		DURATION, DATE, CYCLE

	}

	private TimerText() {
	}

	/** What is wrong with the text; empty when it is fine or an expression. */
	public static Optional<String> problemWith(Kind kind, String text) {
		if (text == null || text.isBlank()) {
			return Optional.of("is empty");
		}
		String value = text.strip();
		if (isExpression(value)) {
			return Optional.empty();
		}
		boolean valid = switch (kind) {
			case DURATION -> isDuration(value);
			case DATE -> isDate(value);
			case CYCLE -> value.startsWith("R") && value.contains("/") && isCycle(value);
		};
		return valid ? Optional.empty()
				: Optional.of("'" + value + "' is not an ISO 8601 " + kind.name().toLowerCase() + " nor an expression");
	}

	public static boolean isExpression(String value) {
		return value.startsWith("${") || value.startsWith("#{");
	}

	private static boolean isDuration(String value) {
		try {
			DatatypeFactory.newInstance().newDuration(value);
			return value.startsWith("P");
		}
		catch (IllegalArgumentException | UnsupportedOperationException | DatatypeConfigurationException ex) {
			return false;
		}
	}

	private static boolean isDate(String value) {
		return parses(() -> OffsetDateTime.parse(value)) || parses(() -> LocalDateTime.parse(value))
				|| parses(() -> LocalDate.parse(value));
	}

	private static boolean parses(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean isCycle(String value) {
		try {
			new DurationHelper(value);
			String[] parts = value.split("/");
			return parts[0].matches("R\\d*") && parts.length >= 2
					&& Arrays.stream(parts).skip(1).allMatch(part -> isDuration(part) || isDate(part));
		}
		catch (Exception ex) {
			return false;
		}
	}

}
