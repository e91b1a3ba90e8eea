package io.tidings.experiment;

import java.util.Locale;
import java.util.Optional;

/** What counts as a success in an experiment: a human open, a click, or a conversion. */
public enum Metric {

	OPEN, CLICK, CONVERSION;

	/** The metric by its name as written in a diagram or a query, any case. */
	public static Optional<Metric> named(String name) {
		if (name == null) {
			return Optional.empty();
		}
		for (Metric metric : values()) {
			if (metric.name().equalsIgnoreCase(name.strip())) {
				return Optional.of(metric);
			}
		}
		return Optional.empty();
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
