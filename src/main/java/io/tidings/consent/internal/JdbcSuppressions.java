package io.tidings.consent.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tidings.consent.Suppression;
import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSuppressions implements Suppressions {

	private static final int MAX_DETAIL = 2000;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	JdbcSuppressions(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void suppress(String email, SuppressionReason reason, String detail) {
		String key = normalise(email);
		String trimmed = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
		Optional<Suppression> existing = find(key);
		if (existing.isEmpty()) {
			jdbc.update("INSERT INTO suppressions (email, reason, detail, created_at) VALUES (?, ?, ?, ?)", key,
					reason.name(), trimmed, Timestamp.from(clock.instant()));
		}
		else if (!existing.get().reason().outranks(reason)) {
			jdbc.update("UPDATE suppressions SET reason = ?, detail = ? WHERE email = ?", reason.name(), trimmed, key);
		}
	}

	@Override
	public Optional<Suppression> find(String email) {
		return jdbc.query("SELECT email, reason, detail, created_at FROM suppressions WHERE email = ?",
				(rs, row) -> new Suppression(rs.getString("email"), SuppressionReason.valueOf(rs.getString("reason")),
						rs.getString("detail"), rs.getTimestamp("created_at").toInstant()),
				normalise(email))
			.stream()
			.findFirst();
	}

	/** The stored rows of these addresses, by lower-cased address, in one query. */
	Map<String, Suppression> findAll(Collection<String> emails) {
		Map<String, Suppression> found = new HashMap<>();
		if (emails.isEmpty()) {
			return found;
		}
		new NamedParameterJdbcTemplate(jdbc).query(
				"SELECT email, reason, detail, created_at FROM suppressions WHERE email IN (:emails)",
				new MapSqlParameterSource("emails",
						emails.stream().map(JdbcSuppressions::normalise).distinct().toList()),
				(rs, row) -> found.put(rs.getString("email"),
						new Suppression(rs.getString("email"), SuppressionReason.valueOf(rs.getString("reason")),
								rs.getString("detail"), rs.getTimestamp("created_at").toInstant())));
		return found;
	}

	@Override
	public boolean lift(String email) {
		return jdbc.update("DELETE FROM suppressions WHERE email = ?", normalise(email)) > 0;
	}

	@Override
	public List<Suppression> page(int page, int size) {
		return jdbc.query("""
				SELECT email, reason, detail, created_at FROM suppressions
				ORDER BY created_at DESC, email OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""", this::map, (long) page * size,
				size);
	}

	@Override
	public long count() {
		return jdbc.queryForObject("SELECT count(*) FROM suppressions", Long.class);
	}

	private Suppression map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Suppression(rs.getString("email"), SuppressionReason.valueOf(rs.getString("reason")),
				rs.getString("detail"), rs.getTimestamp("created_at").toInstant());
	}

	static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
