package io.tidings.experiment.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.tidings.experiment.Experiment;
import io.tidings.experiment.ExperimentDecision;
import io.tidings.experiment.Metric;
import io.tidings.experiment.VariantOutcomes.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AutoWinnerTest {

	static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

	static final Experiment TWO = Experiment.declared("welcome", "Send", Experiment.Kind.CONTENT, null,
			"A:welcome:50,B:welcome-short:50", "click", "1000");

	@Test
	void aSignificantlyBetterVariantWinsOnceEveryVariantHasTheMinimumSample() {
		Optional<ExperimentDecision> decision = AutoWinner.decide(TWO,
				Map.of("A", new Outcome(1000, 100), "B", new Outcome(1000, 130)), 0.95, NOW);

		assertThat(decision).isPresent();
		assertThat(decision.get().winner()).isEqualTo("B");
		assertThat(decision.get().metric()).isEqualTo(Metric.CLICK);
		assertThat(decision.get().zScore()).isCloseTo(2.10274, within(1e-5));
		assertThat(decision.get().pValue()).isCloseTo(0.035488, within(1e-6));
		assertThat(decision.get().decidedAt()).isEqualTo(NOW);
		assertThat(decision.get().figures()).containsExactly(new ExperimentDecision.Figures("A", 1000, 100, 0.1),
				new ExperimentDecision.Figures("B", 1000, 130, 0.13));
	}

	@Test
	void theControlWinsWhenItIsSignificantlyBetter() {
		assertThat(AutoWinner.decide(TWO, Map.of("A", new Outcome(1000, 130), "B", new Outcome(1000, 100)), 0.95, NOW)
			.map(ExperimentDecision::winner)).hasValue("A");
	}

	@Test
	void noWinnerBeforeEveryVariantHasTheMinimumSample() {
		assertThat(AutoWinner.decide(TWO, Map.of("A", new Outcome(1000, 100), "B", new Outcome(999, 300)), 0.95, NOW))
			.isEmpty();
		assertThat(AutoWinner.decide(TWO, Map.of("A", new Outcome(5000, 100)), 0.95, NOW)).isEmpty();
	}

	@Test
	void noWinnerWithoutSignificanceAtTheConfiguredConfidence() {
		Map<String, Outcome> outcomes = Map.of("A", new Outcome(1000, 100), "B", new Outcome(1000, 130));

		assertThat(AutoWinner.decide(TWO, outcomes, 0.99, NOW)).isEmpty();
		assertThat(AutoWinner.decide(TWO, Map.of("A", new Outcome(5000, 500), "B", new Outcome(5000, 520)), 0.95, NOW))
			.isEmpty();
	}

	@Test
	void noWinnerWhenTheExperimentHasNoAutoWinner() {
		Experiment manual = Experiment.declared("welcome", "Send", Experiment.Kind.CONTENT, null, "A::50,B::50",
				"click", null);

		assertThat(
				AutoWinner.decide(manual, Map.of("A", new Outcome(9000, 100), "B", new Outcome(9000, 900)), 0.95, NOW))
			.isEmpty();
	}

	@Test
	void withThreeVariantsTheBestMustBeatEachOtherAtTheCorrectedLevel() {
		Experiment three = Experiment.declared("welcome", "Send", Experiment.Kind.CONTENT, null, "A::1,B::1,C::1",
				"open", "1000");

		// B beats A with p = 0.035: enough for two variants, not below 0.05 / 2.
		assertThat(AutoWinner.decide(three,
				Map.of("A", new Outcome(1000, 100), "B", new Outcome(1000, 130), "C", new Outcome(1000, 90)), 0.95,
				NOW))
			.isEmpty();
		// B beats A clearly but not C: no winner yet.
		assertThat(AutoWinner.decide(three,
				Map.of("A", new Outcome(2000, 200), "B", new Outcome(2000, 300), "C", new Outcome(2000, 290)), 0.95,
				NOW))
			.isEmpty();
		Optional<ExperimentDecision> clear = AutoWinner.decide(three,
				Map.of("A", new Outcome(2000, 200), "B", new Outcome(2000, 300), "C", new Outcome(2000, 210)), 0.95,
				NOW);
		assertThat(clear.map(ExperimentDecision::winner)).hasValue("B");
		// The figures are those of the weakest comparison: B against C (210), not
		// against A (200).
		assertThat(clear.get().pValue()).isEqualTo(TwoProportionTest.compare(2000, 210, 2000, 300).p());
	}

}
