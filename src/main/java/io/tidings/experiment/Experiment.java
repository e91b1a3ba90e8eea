package io.tidings.experiment;

import java.util.Objects;

/**
 * One A/B test as a journey step declares it.
 *
 * @param id the journey key and step id, e.g. {@code welcome.SendWelcome}
 * @param variableName the process variable a split sets; null for a send step
 * @param autoWinnerAfter the sample each variant needs before a winner may be picked
 * automatically; null: never
 */
public record Experiment(String id, String journeyKey, String stepId, Kind kind, String variableName, Variants variants,
		Metric metric, Integer autoWinnerAfter) {

	public enum Kind {

		/** A send step whose variants differ in template or subject. */
		CONTENT,
		/** A split step whose variants lead down different paths of the diagram. */
		PATH

	}

	public Experiment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(variants, "variants");
		Objects.requireNonNull(metric, "metric");
	}

	public static String idOf(String journeyKey, String stepId) {
		return journeyKey + "." + stepId;
	}

	/**
	 * A step's experiment from its input texts, as analysts write them.
	 * @param metric {@code open}, {@code click} or {@code conversion}; blank: click
	 * @param autoWinnerAfter a positive number of contacts per variant; blank: no
	 * auto-winner
	 * @throws MalformedExperiment naming what cannot be read
	 */
	public static Experiment declared(String journeyKey, String stepId, Kind kind, String variableName, String variants,
			String metric, String autoWinnerAfter) {
		if (kind == Kind.PATH && (variableName == null || !variableName.matches("[A-Za-z_][A-Za-z0-9_]{0,63}"))) {
			throw new MalformedExperiment("A split needs a variable name a gateway can read (letters, digits and _,"
					+ " not starting with a digit), not '" + variableName + "'");
		}
		Variants parsed = kind == Kind.CONTENT ? Variants.ofContent(variants) : Variants.ofPaths(variants);
		Metric chosen = metric == null || metric.isBlank() ? Metric.CLICK
				: Metric.named(metric)
					.orElseThrow(() -> new MalformedExperiment(
							"Unknown experiment metric '" + metric + "': use open, click or conversion"));
		return new Experiment(idOf(journeyKey, stepId), journeyKey, stepId, kind, variableName, parsed, chosen,
				minimumSample(autoWinnerAfter));
	}

	private static Integer minimumSample(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (!text.strip().matches("[1-9][0-9]{0,6}")) {
			throw new MalformedExperiment("autoWinnerAfter must be a number of contacts per variant from 1 to"
					+ " 9999999, or empty for no auto-winner, not '" + text + "'");
		}
		return Integer.valueOf(text.strip());
	}

}
