package io.tidings.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks for a piece of text in every text, JSON and binary column of every table of a
 * PostgreSQL database, ours and the engine's alike, without regard to case. Binary
 * columns (the engine's byte arrays: serialized variables, stack traces) are read as text
 * with PostgreSQL's escape encoding, in which ASCII stays as it is, so the needles should
 * be ASCII.
 */
public final class DatabaseScan {

	private final JdbcTemplate jdbc;

	public DatabaseScan(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Where the text occurs: {@code table.column (rows)}, one entry per column. */
	public List<String> find(String needle) {
		if (!needle.chars().allMatch(c -> c < 128)) {
			throw new IllegalArgumentException("Binary columns are searched as escaped text: use ASCII needles");
		}
		List<String> hits = new ArrayList<>();
		for (Map<String, Object> column : columns()) {
			String table = quoted(column.get("table_schema")) + "." + quoted(column.get("table_name"));
			String name = quoted(column.get("column_name"));
			String text = "bytea".equals(column.get("data_type")) ? "encode(" + name + ", 'escape')"
					: "CAST(" + name + " AS text)";
			Long rows = jdbc.queryForObject(
					"SELECT count(*) FROM " + table + " WHERE strpos(lower(" + text + "), ?) > 0", Long.class,
					needle.toLowerCase(Locale.ROOT));
			if (rows > 0) {
				hits.add(column.get("table_name") + "." + column.get("column_name") + " (" + rows + ")");
			}
		}
		return hits;
	}

	/** How many columns a scan reads, so a test can show it read the engine's too. */
	public int columnCount() {
		return columns().size();
	}

	private List<Map<String, Object>> columns() {
		return jdbc.queryForList(
				"""
						SELECT c.table_schema, c.table_name, c.column_name, c.data_type
						FROM information_schema.columns c
						JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
						WHERE t.table_type = 'BASE TABLE'
						  AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
						  AND c.data_type IN ('character varying', 'character', 'text', 'json', 'jsonb', 'bytea', 'xml', 'ARRAY')
						ORDER BY c.table_schema, c.table_name, c.ordinal_position""");
	}

	private static String quoted(Object identifier) {
		return "\"" + String.valueOf(identifier).replace("\"", "\"\"") + "\"";
	}

}
