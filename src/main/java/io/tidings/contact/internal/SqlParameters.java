package io.tidings.contact.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The named parameters of one compiled rule, and the moment its days count back from.
 */
final class SqlParameters {

	private final MapSqlParameterSource values = new MapSqlParameterSource();

	private final Instant now;

	SqlParameters(Instant now) {
		this.now = now;
	}

	/**
	 * @return the placeholder to write in the SQL in place of the value
	 */
	String bind(Object value) {
		String name = "p" + (values.getParameterNames().length + 1);
		values.addValue(name, value);
		return ":" + name;
	}

	Instant daysAgo(int days) {
		return now.minus(Duration.ofDays(days));
	}

	LocalDate today() {
		return LocalDate.ofInstant(now, ZoneOffset.UTC);
	}

	MapSqlParameterSource values() {
		return values;
	}

}
