package io.tidings.experiment.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tidings.experiment.Experiment;
import io.tidings.experiment.Metric;
import io.tidings.experiment.VariantOutcomes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Outcomes from engagement tracking's tables: {@code engagements(delivery_id, kind 'OPEN'
 * | 'CLICK', machine)} and {@code conversions(delivery_id)}. A send step's sample is its
 * delivered mails per variant, a success one with a human open, a click or a conversion;
 * a split's sample is its assigned contacts, a success one with such a mail of the same
 * journey sent after the assignment. Machine opens and clicks (scanners, Apple's privacy
 * proxy) are no success.
 */
@Component
class EngagementVariantOutcomes implements VariantOutcomes {

	private final JdbcTemplate jdbc;

	EngagementVariantOutcomes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Outcome> of(Experiment experiment, Metric metric) {
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		String success = successOf(metric);
		if (experiment.kind() == Experiment.Kind.CONTENT) {
			jdbc.query("SELECT d.variant, COUNT(*) AS sample, SUM(CASE WHEN " + success
					+ " THEN 1 ELSE 0 END) AS successes FROM deliveries d"
					+ " WHERE d.journey_key = ? AND d.step_id = ? AND d.variant IS NOT NULL AND d.status = 'SENT'"
					+ " GROUP BY d.variant", rs -> {
						outcomes.put(rs.getString("variant"),
								new Outcome(rs.getLong("sample"), rs.getLong("successes")));
					}, experiment.journeyKey(), experiment.stepId());
		}
		else {
			jdbc.query("SELECT a.variant, COUNT(*) AS sample, SUM(CASE WHEN EXISTS (SELECT 1 FROM deliveries d"
					+ " WHERE d.contact_id = a.contact_id AND d.journey_key = ? AND d.created_at >= a.assigned_at"
					+ " AND d.status = 'SENT' AND " + success + ") THEN 1 ELSE 0 END) AS successes"
					+ " FROM experiment_assignments a WHERE a.experiment_id = ? GROUP BY a.variant", rs -> {
						outcomes.put(rs.getString("variant"),
								new Outcome(rs.getLong("sample"), rs.getLong("successes")));
					}, experiment.journeyKey(), experiment.id());
		}
		return outcomes;
	}

	/**
	 * Whether the delivery {@code d} succeeded on the metric; constant SQL per metric.
	 */
	private static String successOf(Metric metric) {
		return switch (metric) {
			case OPEN -> "EXISTS (SELECT 1 FROM engagements e WHERE e.delivery_id = d.id AND e.kind = 'OPEN'"
					+ " AND e.machine = FALSE)";
			case CLICK -> "EXISTS (SELECT 1 FROM engagements e WHERE e.delivery_id = d.id AND e.kind = 'CLICK'"
					+ " AND e.machine = FALSE)";
			case CONVERSION -> "EXISTS (SELECT 1 FROM conversions c WHERE c.delivery_id = d.id)";
		};
	}

}
