package io.tidings.journey;

import java.util.Optional;

import io.tidings.journey.internal.TimerText;

/**
 * Whether a timer's text is what the engine will read as intended: an ISO 8601 duration
 * ({@code P2D}), date ({@code 2026-12-24T09:00:00+01:00}) or repeating interval
 * ({@code R5/PT1M}), or an expression. Camunda would also take a cron text as a cycle;
 * the house rule is ISO 8601, which analysts and the Modeler read alike. The ISO rules
 * are the ones the engine applies at deploy ({@link TimerText}); expressions are checked
 * further here, against the beans they call.
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
		return TimerText.problemWith(TimerText.Kind.valueOf(kind.name()), value);
	}

}
