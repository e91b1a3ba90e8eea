package io.tidings.trigger.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The membership snapshots segment entry is detected against. */
@Repository
class SegmentWatches {

	private final NamedParameterJdbcTemplate jdbc;

	SegmentWatches(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	enum Claim {

		/** Never watched before: take a baseline, start nobody. */
		FIRST_LOOK,
		/** Watched: members new since the last look have entered. */
		LOOK,
		/** Another node is looking right now. */
		BUSY

	}

	@Transactional
	Claim claim(String segment, Instant now, Instant leaseUntil) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("segment", segment)
			.addValue("now", Timestamp.from(now))
			.addValue("until", Timestamp.from(leaseUntil));
		int taken = jdbc.update("""
				UPDATE segment_watches SET lease_until = :until
				WHERE segment_key = :segment AND (lease_until IS NULL OR lease_until < :now)""", parameters);
		if (taken == 1) {
			return Claim.LOOK;
		}
		boolean exists = jdbc.queryForObject("SELECT count(*) FROM segment_watches WHERE segment_key = :segment",
				parameters, Integer.class) > 0;
		if (exists) {
			return Claim.BUSY;
		}
		jdbc.update("""
				INSERT INTO segment_watches (segment_key, watched_since, lease_until)
				VALUES (:segment, :now, :until)""", parameters);
		return Claim.FIRST_LOOK;
	}

	void release(String segment) {
		jdbc.update("UPDATE segment_watches SET lease_until = NULL WHERE segment_key = :segment",
				new MapSqlParameterSource("segment", segment));
	}

	/** Marks these members as seen now; returns those that were not members before. */
	List<String> newcomers(String segment, List<String> members, Instant now) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("segment", segment).addValue("ids", members)
			.addValue("now", Timestamp.from(now));
		jdbc.update("""
				UPDATE segment_memberships SET seen_at = :now
				WHERE segment_key = :segment AND contact_id IN (:ids)""", parameters);
		List<String> known = jdbc.queryForList("""
				SELECT contact_id FROM segment_memberships WHERE segment_key = :segment AND contact_id IN (:ids)""",
				parameters, String.class);
		return members.stream().filter(id -> !known.contains(id)).toList();
	}

	/**
	 * @return false when the contact was recorded meanwhile
	 */
	boolean enter(String segment, String contactId, Instant now) {
		return jdbc
			.update("""
					INSERT INTO segment_memberships (segment_key, contact_id, entered_at, seen_at)
					SELECT CAST(:segment AS VARCHAR(64)), CAST(:contact AS VARCHAR(255)), CAST(:now AS TIMESTAMP WITH TIME ZONE),
					       CAST(:now AS TIMESTAMP WITH TIME ZONE)
					FROM (VALUES (1)) AS one(x)
					WHERE NOT EXISTS (SELECT 1 FROM segment_memberships WHERE segment_key = :segment AND contact_id = :contact)""",
					new MapSqlParameterSource("segment", segment).addValue("contact", contactId)
						.addValue("now", Timestamp.from(now))) == 1;
	}

	/** Forgets members not seen in this look: they left, and entering again counts. */
	int forgetLeavers(String segment, Instant lookStarted) {
		return jdbc.update("DELETE FROM segment_memberships WHERE segment_key = :segment AND seen_at < :started",
				new MapSqlParameterSource("segment", segment).addValue("started", Timestamp.from(lookStarted)));
	}

}
