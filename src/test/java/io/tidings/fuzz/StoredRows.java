package io.tidings.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row counts of every table a request to the API can write, ours and the engine's runtime
 * tables, read in one statement so a snapshot is cheap enough to take around each
 * request.
 */
final class StoredRows {

	static final List<String> TABLES = List.of("contacts", "contact_attributes", "events", "deliveries", "suppressions",
			"consent_records", "topic_consents", "segments", "segment_memberships", "contact_imports",
			"contact_import_rejections", "broadcasts", "broadcast_recipients", "experiments", "experiment_assignments",
			"journey_migrations", "trigger_firings", "engagements", "conversions", "erased_addresses",
			"ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_RU_VARIABLE", "ACT_RU_BATCH");

	private static final String QUERY = "SELECT "
			+ TABLES.stream().map(table -> "(SELECT count(*) FROM " + table + ")").collect(Collectors.joining(", "));

	private final JdbcTemplate jdbc;

	StoredRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long[] count() {
		return jdbc.queryForObject(QUERY, (row, number) -> {
			long[] counts = new long[TABLES.size()];
			for (int i = 0; i < counts.length; i++) {
				counts[i] = row.getLong(i + 1);
			}
			return counts;
		});
	}

	/** The tables whose count changed, with the change; empty when nothing was stored. */
	static Map<String, Long> changes(long[] before, long[] after) {
		Map<String, Long> changed = new LinkedHashMap<>();
		for (int i = 0; i < before.length; i++) {
			if (after[i] != before[i]) {
				changed.put(TABLES.get(i), after[i] - before[i]);
			}
		}
		return changed;
	}

}
