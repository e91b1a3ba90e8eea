package io.tidings.journey;

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
 * Whether a timer's text is what the engine will read as intended: an ISO 8601 duration
 * ({@code P2D}), date ({@code 2026-12-24T09:00:00+01:00}) or repeating interval
 * ({@code R5/PT1M}), or an expression. Camunda would also take a cron text as a cycle;
 * the house rule is ISO 8601, which analysts and the Modeler read alike.
 */
final class TimerValues {

	enum Kind {

		DURATION, DATE, CYCLE

	}

	private TimerValues() {
	}

	static Optional<String> problemWith(Kind kind, String text) {
		if (text == null || text.isBlank()) {
			return Optional.of("is empty");
		}
		String value = text.strip();
		if (value.startsWith("${") || value.startsWith("#{")) {
			return ExpressionBeans.problemWith(value);
		}
		boolean valid = switch (kind) {
			case DURATION -> isDuration(value);
			case DATE -> isDate(value);
			case CYCLE -> value.startsWith("R") && value.contains("/") && isCycle(value);
		};
		return valid ? Optional.empty()
				: Optional.of("'" + value + "' is not an ISO 8601 " + kind.name().toLowerCase() + " nor an expression");
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
