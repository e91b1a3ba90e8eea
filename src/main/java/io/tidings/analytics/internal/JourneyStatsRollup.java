package io.tidings.analytics.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import io.tidings.analytics.StatsRollupProperties;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code journey_step_daily} and {@code journey_step_clickers} current: each run
 * takes the journey days marked in {@code journey_stats_changes} (oldest mark first) and
 * recomputes each day whole from the raw tables, in one transaction per day that also
 * deletes the day's marks. A mark written after that transaction's statements read is
 * kept for the next run, and a query reads a day raw as long as it has a mark, so the
 * statistics never mix a stale day in. Nodes of a cluster may run it at once: a day is
 * recomputed under a transaction-scoped advisory lock on it.
 */
@Component
class JourneyStatsRollup {

	/**
	 * The journey day of the oldest mark up to the last one when the run started, so that
	 * a day marked again and again while it runs (today, during a send) is recomputed
	 * once per run, not over and over.
	 */
	private static final String NEXT_DAY = """
			SELECT journey_key, mail_day FROM journey_stats_changes WHERE id <= ? ORDER BY id LIMIT 1""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final StatsRollupProperties properties;

	private volatile Boolean postgres;

	JourneyStatsRollup(JdbcTemplate jdbc, PlatformTransactionManager transactions, StatsRollupProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/** Whether statistics read the rollup: enabled, and on PostgreSQL (its triggers). */
	boolean active() {
		return properties.enabled() && postgres();
	}

	/**
	 * On PostgreSQL, plans the current transaction's statements for their arguments. The
	 * driver makes a statement run often a server-side one, whose generic plan knows
	 * nothing of the period asked for, from an hour to months (bench/stats/README.md:
	 * EXPLAIN of the raw counts of 30 days, 1.0 s with a generic plan, 0.75 s without).
	 */
	void planForTheArguments() {
		if (postgres()) {
			jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
		}
	}

	private boolean postgres() {
		if (postgres == null) {
			postgres = jdbc.execute((ConnectionCallback<Boolean>) connection -> "PostgreSQL"
				.equals(connection.getMetaData().getDatabaseProductName()));
		}
		return postgres;
	}

	/**
	 * Recomputes the marked days, at most {@code maxDaysPerRun} of them.
	 * @return the journey days recomputed
	 */
	int run() {
		if (!active()) {
			return 0;
		}
		Long last = jdbc.queryForObject("SELECT MAX(id) FROM journey_stats_changes", Long.class);
		int days = 0;
		while (last != null && days < properties.maxDaysPerRun()
				&& Boolean.TRUE.equals(transactions.execute(status -> recomputeNext(last)))) {
			days++;
		}
		return days;
	}

	/**
	 * With the rollup off the triggers still mark every change, so that the days changed
	 * meanwhile are recomputed when it is turned on again; one mark per day is enough.
	 */
	int compactMarks() {
		return jdbc.update("""
				DELETE FROM journey_stats_changes c WHERE EXISTS (SELECT 1 FROM journey_stats_changes o
				  WHERE o.journey_key = c.journey_key AND o.mail_day = c.mail_day AND o.id < c.id)""");
	}

	private boolean recomputeNext(long last) {
		List<JourneyDay> next = jdbc.query(NEXT_DAY,
				(rs, row) -> new JourneyDay(rs.getString("journey_key"), rs.getObject("mail_day", LocalDate.class)),
				last);
		if (next.isEmpty()) {
			return false;
		}
		JourneyDay day = next.get(0);
		jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?), ?)", rs -> {
		}, day.journeyKey(), (int) day.day().toEpochDay());
		jdbc.update("DELETE FROM journey_stats_changes WHERE journey_key = ? AND mail_day = ?", day.journeyKey(),
				day.day());
		jdbc.update("DELETE FROM journey_step_daily WHERE journey_key = ? AND mail_day = ?", day.journeyKey(),
				day.day());
		jdbc.update("DELETE FROM journey_step_clickers WHERE journey_key = ? AND mail_day = ?", day.journeyKey(),
				day.day());
		Object[] mails = { day.journeyKey(), Timestamp.from(RollupPlan.start(day.day())),
				Timestamp.from(RollupPlan.start(day.day().plusDays(1))), null, null };
		jdbc.update(RollupSql.STORE_DAY, concat(day, mails));
		jdbc.update(RollupSql.STORE_CLICKERS, concat(day, mails));
		return true;
	}

	private static Object[] concat(JourneyDay day, Object[] mails) {
		Object[] all = new Object[mails.length + 2];
		all[0] = day.journeyKey();
		all[1] = day.day();
		System.arraycopy(mails, 0, all, 2, mails.length);
		return all;
	}

	private record JourneyDay(String journeyKey, LocalDate day) {
	}

}
