package io.tidings.experiment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.experiment.Experiment;
import io.tidings.experiment.ExperimentDecision;
import io.tidings.experiment.ExperimentProperties;
import io.tidings.experiment.ExperimentReport;
import io.tidings.experiment.Experiments;
import io.tidings.experiment.Metric;
import io.tidings.experiment.UnknownExperiment;
import io.tidings.experiment.Variant;
import io.tidings.experiment.VariantOutcomes;
import io.tidings.experiment.VariantOutcomes.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

@Service
class ExperimentService implements Experiments {

	private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);

	private final ExperimentStore store;

	private final ObjectProvider<VariantOutcomes> outcomes;

	private final ExperimentProperties properties;

	private final Clock clock;

	ExperimentService(ExperimentStore store, ObjectProvider<VariantOutcomes> outcomes, ExperimentProperties properties,
			Clock clock) {
		this.store = store;
		this.outcomes = outcomes;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Variant assign(Experiment experiment, String contactId) {
		Instant now = clock.instant();
		store.saveDefinition(experiment, now);
		Optional<Variant> earlier = store.assignedVariant(experiment.id(), contactId)
			.map(name -> experiment.variants().named(name).orElse(Variant.path(name, 0)));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Variant variant = store.decision(experiment.id())
			.flatMap(decision -> experiment.variants().named(decision.winner()))
			.orElseGet(() -> experiment.variants().pick(experiment.id(), contactId));
		store.assign(experiment.id(), contactId, variant.name(), now);
		return variant;
	}

	@Override
	public List<ExperimentReport> list() {
		return store.all().stream().map(stored -> report(stored, stored.experiment().metric())).toList();
	}

	@Override
	public ExperimentReport report(String id, Metric metric) {
		ExperimentStore.Stored stored = store.find(id).orElseThrow(() -> new UnknownExperiment(id));
		return report(stored, metric == null ? stored.experiment().metric() : metric);
	}

	@Override
	public int decideWinners() {
		VariantOutcomes source = outcomes.getIfAvailable();
		if (source == null) {
			return 0;
		}
		int decided = 0;
		for (ExperimentStore.Stored stored : store.undecided()) {
			Experiment experiment = stored.experiment();
			Map<String, Outcome> figures = source.of(experiment, experiment.metric());
			Optional<ExperimentDecision> decision = AutoWinner.decide(experiment, figures, properties.confidence(),
					clock.instant());
			if (decision.isPresent() && store.saveDecision(experiment.id(), decision.get())) {
				log.info("Experiment {}: variant {} won on {} rate (z = {}, p = {}); later contacts all get it",
						experiment.id(), decision.get().winner(), experiment.metric().label(), decision.get().zScore(),
						decision.get().pValue());
				decided++;
			}
		}
		return decided;
	}

	private ExperimentReport report(ExperimentStore.Stored stored, Metric metric) {
		Experiment experiment = stored.experiment();
		VariantOutcomes source = outcomes.getIfAvailable();
		Map<String, Outcome> figures = source == null ? null : source.of(experiment, metric);
		return new ExperimentReport(experiment.id(), experiment.journeyKey(), experiment.stepId(), experiment.kind(),
				experiment.variableName(), experiment.variants().toString(), metric, properties.confidence(),
				experiment.autoWinnerAfter(), stored.firstSeenAt(), source != null,
				VariantFigures.of(experiment, store.assignedCounts(experiment.id()), figures, properties.confidence()),
				store.decision(experiment.id()).orElse(null));
	}

}
