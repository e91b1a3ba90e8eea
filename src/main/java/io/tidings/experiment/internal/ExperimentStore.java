package io.tidings.experiment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.experiment.Experiment;
import io.tidings.experiment.ExperimentDecision;
import io.tidings.experiment.Metric;
import io.tidings.experiment.Variants;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The experiments, their assignments and decisions, in the caller's transaction. */
@Repository
class ExperimentStore {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final ObjectMapper json = new ObjectMapper();

	ExperimentStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records the definition a step declares, when it is new or changed, in a transaction
	 * of its own: many journeys reach a new experiment at once, and a clash between them
	 * must not fail (and delay) their steps. A definition that outlives a rolled-back
	 * step does no harm.
	 */
	void saveDefinition(Experiment experiment, Instant now) {
		if (find(experiment.id()).map(Stored::experiment).filter(experiment::equals).isPresent()) {
			return;
		}
		try {
			ownTransaction.executeWithoutResult(status -> {
				int updated = jdbc.update(
						"""
								UPDATE experiments SET kind = ?, variable_name = ?, variants = ?, metric = ?, auto_winner_after = ?
								WHERE id = ?""",
						experiment.kind().name(), experiment.variableName(), experiment.variants().toString(),
						experiment.metric().name(), experiment.autoWinnerAfter(), experiment.id());
				if (updated == 0) {
					jdbc.update("""
							INSERT INTO experiments (id, journey_key, step_id, kind, variable_name, variants, metric,
							                         auto_winner_after, first_seen_at)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", experiment.id(), experiment.journeyKey(),
							experiment.stepId(), experiment.kind().name(), experiment.variableName(),
							experiment.variants().toString(), experiment.metric().name(), experiment.autoWinnerAfter(),
							Timestamp.from(now));
				}
			});
		}
		catch (DuplicateKeyException recordedByAnotherStepAtOnce) {
			// Its definition is the same diagram's.
		}
	}

	Optional<String> assignedVariant(String experimentId, String contactId) {
		return jdbc
			.queryForList("SELECT variant FROM experiment_assignments WHERE experiment_id = ? AND contact_id = ?",
					String.class, experimentId, contactId)
			.stream()
			.findFirst();
	}

	void assign(String experimentId, String contactId, String variant, Instant now) {
		try {
			jdbc.update(
					"INSERT INTO experiment_assignments (experiment_id, contact_id, variant, assigned_at) VALUES (?, ?, ?, ?)",
					experimentId, contactId, variant, Timestamp.from(now));
		}
		catch (DuplicateKeyException assignedTwiceAtOnce) {
			throw new ConcurrencyFailureException(
					"Contact " + contactId + " was assigned in experiment " + experimentId + " twice at once",
					assignedTwiceAtOnce);
		}
	}

	Map<String, Long> assignedCounts(String experimentId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.query("""
				SELECT variant, COUNT(*) AS contacts FROM experiment_assignments WHERE experiment_id = ?
				GROUP BY variant ORDER BY variant""", rs -> {
			counts.put(rs.getString("variant"), rs.getLong("contacts"));
		}, experimentId);
		return counts;
	}

	Optional<Stored> find(String id) {
		return jdbc.query("SELECT * FROM experiments WHERE id = ?", this::stored, id).stream().findFirst();
	}

	List<Stored> all() {
		return jdbc.query("SELECT * FROM experiments ORDER BY id", this::stored);
	}

	/** Experiments with an auto-winner and no decision yet. */
	List<Stored> undecided() {
		return jdbc.query("""
				SELECT * FROM experiments e WHERE e.auto_winner_after IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM experiment_decisions d WHERE d.experiment_id = e.id)
				ORDER BY e.id""", this::stored);
	}

	/**
	 * @return false when another node decided first; its decision stands
	 */
	boolean saveDecision(String experimentId, ExperimentDecision decision) {
		try {
			jdbc.update("""
					INSERT INTO experiment_decisions (experiment_id, winner, metric, confidence, z_score, p_value,
					                                  figures, decided_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", experimentId, decision.winner(), decision.metric().name(),
					decision.confidence(), decision.zScore(), decision.pValue(),
					json.writeValueAsString(decision.figures()), Timestamp.from(decision.decidedAt()));
			return true;
		}
		catch (DuplicateKeyException decidedElsewhere) {
			return false;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Optional<ExperimentDecision> decision(String experimentId) {
		return jdbc.query("SELECT * FROM experiment_decisions WHERE experiment_id = ?", (rs, row) -> {
			try {
				return new ExperimentDecision(rs.getString("winner"), Metric.valueOf(rs.getString("metric")),
						rs.getDouble("confidence"), rs.getDouble("z_score"), rs.getDouble("p_value"),
						rs.getTimestamp("decided_at").toInstant(),
						json.readValue(rs.getString("figures"), new TypeReference<List<ExperimentDecision.Figures>>() {
						}));
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("Unreadable figures of the decision on " + experimentId, ex);
			}
		}, experimentId).stream().findFirst();
	}

	record Stored(Experiment experiment, Instant firstSeenAt) {
	}

	private Stored stored(ResultSet rs, int row) throws SQLException {
		Experiment.Kind kind = Experiment.Kind.valueOf(rs.getString("kind"));
		String variants = rs.getString("variants");
		int autoWinnerAfter = rs.getInt("auto_winner_after");
		return new Stored(
				new Experiment(rs.getString("id"), rs.getString("journey_key"), rs.getString("step_id"), kind,
						rs.getString("variable_name"),
						kind == Experiment.Kind.CONTENT ? Variants.ofContent(variants) : Variants.ofPaths(variants),
						Metric.valueOf(rs.getString("metric")), rs.wasNull() ? null : autoWinnerAfter),
				rs.getTimestamp("first_seen_at").toInstant());
	}

}
