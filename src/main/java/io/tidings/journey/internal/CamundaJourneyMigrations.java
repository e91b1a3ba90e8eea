package io.tidings.journey.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tidings.journey.JourneyMigrations;
import io.tidings.journey.MigrationPlan;
import io.tidings.journey.MigrationProgress;
import io.tidings.journey.NothingToMigrate;
import io.tidings.journey.UnknownJourney;
import io.tidings.journey.UnknownJourneyVersion;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Journey migrations on Camunda's migration API. The plan is built per source version;
 * the instances that can move go to an asynchronous batch (the job executor moves them,
 * on any node), recorded in {@code journey_migrations} in the same transaction.
 */
@Service
class CamundaJourneyMigrations implements JourneyMigrations {

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final HistoryService history;

	private final MigrationPlanner planner;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CamundaJourneyMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
			HistoryService history, MigrationPlanner planner, JdbcTemplate jdbc, Clock clock) {
		this.repository = repository;
		this.runtime = runtime;
		this.management = management;
		this.history = history;
		this.planner = planner;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public MigrationPlan plan(String journeyKey, Integer fromVersion, Integer toVersion) {
		Versions versions = versions(journeyKey, fromVersion, toVersion);
		return MigrationPlan.of(journeyKey, versions.target().getVersion(),
				versions.sources().stream().map(from -> planner.plan(from, versions.target()).source()).toList());
	}

	@Override
	@Transactional
	public MigrationPlan migrate(String journeyKey, Integer fromVersion, Integer toVersion) {
		Versions versions = versions(journeyKey, fromVersion, toVersion);
		List<MigrationPlanner.Planned> planned = versions.sources()
			.stream()
			.map(from -> planner.plan(from, versions.target()))
			.toList();
		MigrationPlan plan = MigrationPlan.of(journeyKey, versions.target().getVersion(),
				planned.stream().map(MigrationPlanner.Planned::source).toList());
		if (plan.migratable() == 0) {
			throw new NothingToMigrate(plan);
		}
		List<MigrationPlan.Source> started = new ArrayList<>();
		for (MigrationPlanner.Planned source : planned) {
			if (source.migratableIds().isEmpty()) {
				started.add(source.source());
				continue;
			}
			Batch batch = runtime.newMigration(source.enginePlan())
				.processInstanceIds(source.migratableIds())
				.skipCustomListeners()
				.skipIoMappings()
				.executeAsync();
			jdbc.update("""
					INSERT INTO journey_migrations (batch_id, journey_key, from_version, to_version, instances, blocked,
					                                started_by, started_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", batch.getId(), journeyKey, source.source().version(),
					plan.toVersion(), source.source().migratable(), source.source().blocked(), caller(),
					Timestamp.from(clock.instant()));
			started.add(source.source().withBatch(batch.getId()));
		}
		return MigrationPlan.of(journeyKey, plan.toVersion(), started);
	}

	@Override
	@Transactional
	public Optional<MigrationProgress> progress(String journeyKey, String batchId) {
		return recorded("WHERE batch_id = ? AND journey_key = ?", batchId, journeyKey).stream().findFirst();
	}

	@Override
	@Transactional
	public List<MigrationProgress> recent(String journeyKey) {
		return recorded("WHERE journey_key = ? ORDER BY started_at DESC FETCH FIRST 50 ROWS ONLY", journeyKey);
	}

	private List<MigrationProgress> recorded(String where, Object... parameters) {
		return jdbc.query("""
				SELECT batch_id, journey_key, from_version, to_version, instances, blocked, started_by, started_at
				FROM journey_migrations""" + " " + where,
				(rs, row) -> withProgress(rs.getString("batch_id"), rs.getString("journey_key"),
						rs.getInt("from_version"), rs.getInt("to_version"), rs.getLong("instances"),
						rs.getLong("blocked"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant()),
				parameters);
	}

	private MigrationProgress withProgress(String batchId, String journeyKey, int from, int to, long instances,
			long blocked, String startedBy, Instant startedAt) {
		BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
		if (running != null) {
			return new MigrationProgress(batchId, journeyKey, from, to, MigrationProgress.RUNNING, instances, blocked,
					running.getCompletedJobs(), running.getRemainingJobs(), running.getFailedJobs(), startedBy,
					startedAt, null);
		}
		HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
		return new MigrationProgress(batchId, journeyKey, from, to, MigrationProgress.COMPLETED, instances, blocked,
				done == null ? (int) instances : done.getTotalJobs(), 0, 0, startedBy, startedAt,
				done == null || done.getEndTime() == null ? null : done.getEndTime().toInstant());
	}

	private record Versions(List<ProcessDefinition> sources, ProcessDefinition target) {
	}

	private Versions versions(String journeyKey, Integer fromVersion, Integer toVersion) {
		List<ProcessDefinition> all = repository.createProcessDefinitionQuery()
			.processDefinitionKey(journeyKey)
			.orderByProcessDefinitionVersion()
			.asc()
			.list();
		if (all.isEmpty()) {
			throw new UnknownJourney(journeyKey);
		}
		int latest = all.get(all.size() - 1).getVersion();
		ProcessDefinition target = toVersion == null ? all.get(all.size() - 1) : version(all, toVersion, latest);
		if (fromVersion != null) {
			ProcessDefinition from = version(all, fromVersion, latest);
			if (from.getVersion() >= target.getVersion()) {
				throw new InvalidInput(List.of(new FieldError("fromVersion",
						"must be older than the version migrated to (" + target.getVersion() + ")")));
			}
			return new Versions(List.of(from), target);
		}
		return new Versions(all.stream().filter(d -> d.getVersion() < target.getVersion()).toList(), target);
	}

	private static ProcessDefinition version(List<ProcessDefinition> all, int version, int latest) {
		return all.stream()
			.filter(definition -> definition.getVersion() == version)
			.findFirst()
			.orElseThrow(() -> new UnknownJourneyVersion(all.get(0).getKey(), version, latest));
	}

	private static String caller() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? null : authentication.getName();
	}

}
