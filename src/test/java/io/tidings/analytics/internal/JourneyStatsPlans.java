package io.tidings.analytics.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tidings.analytics.internal.RollupPlan.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes {@code EXPLAIN (ANALYZE, BUFFERS)} of the statistics' own SQL, with the
 * arguments the services give it, against the database {@code bench/stats/run.sh} loaded.
 * A bench, not a test: {@code verify} does not run it, and without {@code bench.url} it
 * does nothing.
 */
@EnabledIfSystemProperty(named = "bench.url", matches = ".+")
class JourneyStatsPlans {

	@Test
	void explain() throws SQLException, IOException {
		Instant now = Instant.parse(System.getProperty("bench.now"));
		Instant monthAgo = now.minus(Duration.ofDays(30));
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		StringBuilder plans = new StringBuilder();
		try (Connection connection = DriverManager.getConnection(System.getProperty("bench.url"),
				System.getProperty("bench.user", "postgres"), System.getProperty("bench.password", ""))) {
			Object[][] all = JdbcJourneyStats.arguments("welcome", null, null, null);
			Object[][] month = JdbcJourneyStats.arguments("welcome", monthAgo, now, null);
			Object[][] version = JdbcJourneyStats.arguments("welcome", null, null, 2);
			String[] names = { "counts", "clickers", "unsubscribes" };
			String[] queries = { JdbcJourneyStats.COUNTS, JdbcJourneyStats.CLICKERS, JdbcJourneyStats.UNSUBSCRIBES };
			for (int i = 0; i < queries.length; i++) {
				explain(connection, plans, "stats, " + names[i] + ": welcome, all", queries[i], all[i]);
				explain(connection, plans, "stats, " + names[i] + ": welcome, last 30 days", queries[i], month[i]);
				explain(connection, plans, "stats, " + names[i] + ": welcome, version 2", queries[i], version[i]);
			}
			explain(connection, plans, "daily: welcome, 90 days", JdbcDailyJourneyStats.PER_DAY,
					JdbcDailyJourneyStats.arguments("welcome", today.minusDays(89), today.plusDays(1)));
			rollup(connection, plans, now, today);
		}
		Path out = Path.of(System.getProperty("bench.out", "bench/out/stats/plans.txt"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, plans);
	}

	/**
	 * The rollup's SQL: a day's figures and clickers from the raw tables (what the job
	 * and a call's raw parts run), and the stored figures and distinct clickers of a
	 * period.
	 */
	private static void rollup(Connection connection, StringBuilder plans, Instant now, LocalDate today)
			throws SQLException {
		Object[] day = RolledUpFigures.mails("welcome",
				new Interval(RollupPlan.start(today.minusDays(3)), RollupPlan.start(today.minusDays(2))), null);
		explain(connection, plans, "rollup, figures of a day (three days ago) from the raw tables", RollupSql.FIGURES,
				day);
		explain(connection, plans, "rollup, clickers of a day (three days ago) from the raw tables", RollupSql.CLICKERS,
				day);
		RollupPlan all = RollupPlan.of(null, null, List.of());
		RollupPlan month = RollupPlan.of(now.minus(Duration.ofDays(30)), now, List.of());
		explain(connection, plans, "rollup, stored figures: welcome, all", RollupSql.STORED_FIGURES,
				RolledUpFigures.stored("welcome", all, null));
		explain(connection, plans, "rollup, stored figures: welcome, last 30 days", RollupSql.STORED_FIGURES,
				RolledUpFigures.stored("welcome", month, null));
		explain(connection, plans, "rollup, unique clickers: welcome, all", RolledUpFigures.uniqueClickers(0),
				RolledUpFigures.stored("welcome", all, null));
		List<Object> monthArguments = new ArrayList<>(Arrays.asList(RolledUpFigures.stored("welcome", month, null)));
		month.raw().forEach(part -> monthArguments.addAll(Arrays.asList(RolledUpFigures.mails("welcome", part, null))));
		explain(connection, plans, "rollup, unique clickers: welcome, last 30 days",
				RolledUpFigures.uniqueClickers(month.raw().size()), monthArguments.toArray());
	}

	private static void explain(Connection connection, StringBuilder plans, String name, String sql, Object[] arguments)
			throws SQLException {
		plans.append("== ").append(name).append('\n').append(sql).append("\n\n");
		try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
			for (int i = 0; i < arguments.length; i++) {
				statement.setObject(i + 1, arguments[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String line = rs.getString(1);
					plans.append(line).append('\n');
					if (line.startsWith("Execution Time")) {
						System.out.printf("[plan] %s: %s%n", name, line);
					}
				}
			}
		}
		plans.append('\n');
	}

}
