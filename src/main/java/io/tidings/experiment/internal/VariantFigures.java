package io.tidings.experiment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.experiment.Experiment;
import io.tidings.experiment.Variant;
import io.tidings.experiment.VariantOutcomes.Outcome;
import io.tidings.experiment.VariantResult;

/**
 * Turns counts into results: each variant's rate, and its two-proportion test against the
 * control (the first variant).
 */
final class VariantFigures {

	private VariantFigures() {
	}

	/**
	 * @param assigned contacts per variant
	 * @param outcomes per variant, or null when no outcomes are available
	 */
	static List<VariantResult> of(Experiment experiment, Map<String, Long> assigned, Map<String, Outcome> outcomes,
			double confidence) {
		Map<String, Variant> variants = variantsSeen(experiment, assigned, outcomes);
		Outcome control = outcomes == null ? null
				: outcomes.getOrDefault(experiment.variants().control().name(), new Outcome(0, 0));
		List<VariantResult> results = new ArrayList<>();
		for (Variant variant : variants.values()) {
			long assignedCount = assigned.getOrDefault(variant.name(), 0L);
			if (outcomes == null) {
				results.add(new VariantResult(variant.name(), variant.weight(), variant.template(), variant.subject(),
						assignedCount, null, null, null, null, null, null, null));
				continue;
			}
			Outcome outcome = outcomes.getOrDefault(variant.name(), new Outcome(0, 0));
			Double rate = outcome.sample() == 0 ? null : (double) outcome.successes() / outcome.sample();
			boolean comparable = !variant.name().equals(experiment.variants().control().name()) && outcome.sample() > 0
					&& control.sample() > 0;
			TwoProportionTest.Comparison test = comparable ? TwoProportionTest.compare(control.sample(),
					control.successes(), outcome.sample(), outcome.successes()) : null;
			results.add(new VariantResult(variant.name(), variant.weight(), variant.template(), variant.subject(),
					assignedCount, outcome.sample(), outcome.successes(), rate, test == null ? null : test.difference(),
					test == null ? null : test.z(), test == null ? null : test.p(),
					test == null ? null : test.significantAt(confidence)));
		}
		return results;
	}

	/**
	 * The declared variants in their order, then any that only earlier versions of the
	 * diagram declared (weight 0 now), so no assigned contact goes uncounted.
	 */
	private static Map<String, Variant> variantsSeen(Experiment experiment, Map<String, Long> assigned,
			Map<String, Outcome> outcomes) {
		Map<String, Variant> variants = new LinkedHashMap<>();
		experiment.variants().all().forEach(variant -> variants.put(variant.name(), variant));
		assigned.keySet().forEach(name -> variants.putIfAbsent(name, Variant.path(name, 0)));
		if (outcomes != null) {
			outcomes.keySet().forEach(name -> variants.putIfAbsent(name, Variant.path(name, 0)));
		}
		return variants;
	}

}
