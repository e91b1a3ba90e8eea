package io.tidings.experiment;

import java.time.Instant;
import java.util.List;

/**
 * An experiment with its figures per variant, the first being the control.
 *
 * @param outcomesAvailable false when no engagement data is wired in yet: then only the
 * assignments are known
 * @param decision the auto-winner decision, null while there is none
 */
public record ExperimentReport(String id, String journeyKey, String stepId, Experiment.Kind kind, String variableName,
		String variants, Metric metric, double confidence, Integer autoWinnerAfter, Instant firstSeenAt,
		boolean outcomesAvailable, List<VariantResult> results, ExperimentDecision decision) {
}
