package io.tidings.experiment;

/**
 * One variant's figures. Sample, successes and rate are null without outcomes; the
 * comparison with the control (difference of rates, pooled two-proportion z-score,
 * two-sided p-value, significance) is null for the control itself and when either sample
 * is empty.
 *
 * @param assigned contacts assigned to the variant
 */
public record VariantResult(String name, int weight, String template, String subject, long assigned, Long sample,
		Long successes, Double rate, Double difference, Double zScore, Double pValue, Boolean significant) {
}
