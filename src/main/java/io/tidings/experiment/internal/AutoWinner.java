package io.tidings.experiment.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.experiment.Experiment;
import io.tidings.experiment.ExperimentDecision;
import io.tidings.experiment.Variant;
import io.tidings.experiment.VariantOutcomes.Outcome;

/**
 * When an experiment may stop testing: every declared variant has reached the minimum
 * sample, and the variant with the highest rate is significantly better than each of the
 * others. With more than two variants each of those comparisons must hold at the
 * Bonferroni-corrected level (1 - confidence) / (variants - 1), so that testing several
 * at once does not make a lucky winner likelier.
 */
final class AutoWinner {

	private AutoWinner() {
	}

	static Optional<ExperimentDecision> decide(Experiment experiment, Map<String, Outcome> outcomes, double confidence,
			Instant now) {
		Integer minimum = experiment.autoWinnerAfter();
		List<Variant> variants = experiment.variants().all();
		if (minimum == null || variants.stream().anyMatch(variant -> sampleOf(outcomes, variant) < minimum)) {
			return Optional.empty();
		}
		double alpha = (1 - confidence) / (variants.size() - 1);
		Variant best = variants.stream()
			.max(Comparator.comparingDouble(variant -> rateOf(outcomes, variant)))
			.orElseThrow();
		TwoProportionTest.Comparison weakest = null;
		for (Variant other : variants) {
			if (other == best) {
				continue;
			}
			Outcome theirs = outcomes.get(other.name());
			Outcome ours = outcomes.get(best.name());
			TwoProportionTest.Comparison test = TwoProportionTest.compare(theirs.sample(), theirs.successes(),
					ours.sample(), ours.successes());
			if (test.difference() <= 0 || test.p() >= alpha) {
				return Optional.empty();
			}
			weakest = weakest == null || test.p() > weakest.p() ? test : weakest;
		}
		List<ExperimentDecision.Figures> figures = variants.stream()
			.map(variant -> new ExperimentDecision.Figures(variant.name(), outcomes.get(variant.name()).sample(),
					outcomes.get(variant.name()).successes(), rateOf(outcomes, variant)))
			.toList();
		return Optional.of(new ExperimentDecision(best.name(), experiment.metric(), confidence, weakest.z(),
				weakest.p(), now, figures));
	}

	private static long sampleOf(Map<String, Outcome> outcomes, Variant variant) {
		Outcome outcome = outcomes.get(variant.name());
		return outcome == null ? 0 : outcome.sample();
	}

	private static double rateOf(Map<String, Outcome> outcomes, Variant variant) {
		Outcome outcome = outcomes.get(variant.name());
		return (double) outcome.successes() / outcome.sample();
	}

}
