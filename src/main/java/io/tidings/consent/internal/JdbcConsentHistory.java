package io.tidings.consent.internal;

import java.util.List;

import io.tidings.consent.ConsentHistory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcConsentHistory implements ConsentHistory {

	private final JdbcTemplate jdbc;

	JdbcConsentHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ConsentChange> of(String contactId) {
		return jdbc.query("""
				SELECT action, topic, source, detail, ip, user_agent, recorded_at FROM consent_records
				WHERE contact_id = ? ORDER BY recorded_at DESC, id""",
				(rs, row) -> new ConsentChange(rs.getString("action"), rs.getString("topic"), rs.getString("source"),
						rs.getString("detail"), rs.getString("ip"), rs.getString("user_agent"),
						rs.getTimestamp("recorded_at").toInstant()),
				contactId);
	}

}
