package io.tidings.experiment;

import java.time.Instant;
import java.util.List;

/**
 * An auto-winner decision: every contact assigned after {@code decidedAt} gets the
 * winner.
 *
 * @param zScore the winner's comparison with the control (with another variant, when the
 * control won)
 * @param figures each variant's figures at the moment of the decision
 */
public record ExperimentDecision(String winner, Metric metric, double confidence, double zScore, double pValue,
		Instant decidedAt, List<Figures> figures) {

	public record Figures(String variant, long sample, long successes, double rate) {
	}

}
