package io.tidings.experiment.web;

import java.util.List;
import java.util.Map;

import io.tidings.experiment.ExperimentReport;
import io.tidings.experiment.Experiments;
import io.tidings.experiment.Metric;
import io.tidings.platform.InputErrors;
import io.tidings.platform.InvalidInput;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/experiments}: every A/B test that has assigned contacts, with its
 * variants and counts; {@code GET /api/experiments/{id}}: its results per variant, the
 * test against the control and the auto-winner decision, on the experiment's metric or on
 * {@code ?metric=open|click|conversion}.
 */
@RestController
@RequestMapping("/api/experiments")
class ExperimentController {

	private final Experiments experiments;

	ExperimentController(Experiments experiments) {
		this.experiments = experiments;
	}

	@GetMapping
	Map<String, List<ExperimentReport>> list() {
		return Map.of("experiments", experiments.list());
	}

	@GetMapping("/{id}")
	ExperimentReport one(@PathVariable String id, @RequestParam(required = false) String metric) {
		Metric chosen = metric == null ? null
				: Metric.named(metric)
					.orElseThrow(() -> new InvalidInput(
							List.of(new InputErrors.FieldError("metric", "must be open, click or conversion"))));
		return experiments.report(id, chosen);
	}

}
