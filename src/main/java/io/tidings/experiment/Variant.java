package io.tidings.experiment;

/**
 * One arm of an experiment.
 *
 * @param name short and stable ({@code A}, {@code early}); it is what deliveries,
 * assignments and results are recorded under
 * @param weight its share relative to the other variants' weights
 * @param template the mail template of a send step's variant; null: the step's own
 * @param subject the subject of a send step's variant; null: the template's
 */
public record Variant(String name, int weight, String template, String subject) {

	public static Variant path(String name, int weight) {
		return new Variant(name, weight, null, null);
	}

}
