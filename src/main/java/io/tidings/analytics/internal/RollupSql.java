package io.tidings.analytics.internal;

/**
 * The SQL of the statistics rollup (PostgreSQL only). {@link #FIGURES} computes, from the
 * raw tables, the same figures as {@link JdbcJourneyStats#COUNTS} and
 * {@link JdbcJourneyStats#UNSUBSCRIBES}, per version, step and variant, with a mail's
 * opens, clicks, conversions and unsubscribe looked up per mail through their indexes:
 * over one day's mails that is far cheaper than grouping every engagement of the journey.
 * The rollup stores its rows per day; queries run it for the parts of a period the rollup
 * cannot answer (days with pending changes, the partial days at its ends).
 */
final class RollupSql {

	/** Parameters: journey key, from, to (timestamps), version, version. */
	static final String FIGURES = """
			SELECT d.journey_version, d.step_id, d.variant, COUNT(*) AS queued,
			       SUM(CASE WHEN d.sent_at IS NOT NULL AND d.status IN ('SENT', 'BOUNCED') THEN 1 ELSE 0 END) AS sent,
			       SUM(CASE WHEN d.status = 'SENT' THEN 1 ELSE 0 END) AS delivered,
			       SUM(CASE WHEN d.status IN ('QUEUED', 'DEFERRED', 'SENDING') THEN 1 ELSE 0 END) AS deferred,
			       SUM(CASE WHEN d.status = 'BOUNCED' THEN 1 ELSE 0 END) AS bounced,
			       SUM(CASE WHEN d.status IN ('SKIPPED', 'CANCELLED') THEN 1 ELSE 0 END) AS skipped,
			       SUM(CASE WHEN d.status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
			       SUM(CASE WHEN EXISTS (SELECT 1 FROM engagements e WHERE e.delivery_id = d.id
			           AND e.journey_key = d.journey_key AND e.kind = 'OPEN' AND e.machine = FALSE) THEN 1 ELSE 0 END) AS opened,
			       SUM(CASE WHEN EXISTS (SELECT 1 FROM engagements e WHERE e.delivery_id = d.id
			           AND e.journey_key = d.journey_key AND e.kind = 'CLICK' AND e.machine = FALSE) THEN 1 ELSE 0 END) AS clicked,
			       SUM(v.conversions) AS converted, COALESCE(SUM(v.revenue), 0) AS revenue,
			       SUM(CASE WHEN d.sent_at IS NOT NULL AND EXISTS (SELECT 1 FROM consent_records r
			           WHERE r.contact_id = d.contact_id AND r.action = 'UNSUBSCRIBED' AND r.recorded_at >= d.sent_at
			           AND r.recorded_at < d.sent_at + INTERVAL '3' DAY) THEN 1 ELSE 0 END) AS unsubscribed
			FROM deliveries d
			CROSS JOIN LATERAL (SELECT COUNT(*) AS conversions, SUM(c.revenue) AS revenue FROM conversions c
			                    WHERE c.delivery_id = d.id AND c.journey_key = d.journey_key) v
			WHERE %s
			GROUP BY d.journey_version, d.step_id, d.variant"""
		.formatted(JdbcJourneyStats.MAILS);

	/**
	 * Who clicked: one row per version, step, variant and contact. Parameters as
	 * {@link #FIGURES}.
	 */
	static final String CLICKERS = """
			SELECT DISTINCT d.journey_version, d.step_id, d.variant, d.contact_id
			FROM deliveries d
			WHERE %s AND EXISTS (SELECT 1 FROM engagements e WHERE e.delivery_id = d.id
			  AND e.journey_key = d.journey_key AND e.kind = 'CLICK' AND e.machine = FALSE)"""
		.formatted(JdbcJourneyStats.MAILS);

	static final String COLUMNS = """
			journey_version, step_id, variant, queued, sent, delivered, deferred, bounced, skipped, failed, opened,
			clicked, converted, revenue, unsubscribed""";

	/** Parameters: journey key, day, then those of {@link #FIGURES}. */
	static final String STORE_DAY = "INSERT INTO journey_step_daily (journey_key, mail_day, %s) SELECT ?, ?, f.* FROM (%s) f"
		.formatted(COLUMNS, FIGURES);

	/** Parameters: journey key, day, then those of {@link #CLICKERS}. */
	static final String STORE_CLICKERS = """
			INSERT INTO journey_step_clickers (journey_key, mail_day, journey_version, step_id, variant, contact_id)
			SELECT ?, ?, c.* FROM (%s) c""".formatted(CLICKERS);

	/**
	 * The stored days of a journey from a day (inclusive) to another (exclusive), but not
	 * those listed (a {@code DATE[]} literal), and of one version (or null).
	 */
	static final String STORED_DAYS = """
			journey_key = ? AND mail_day >= ? AND mail_day < ? AND NOT (mail_day = ANY (CAST(? AS DATE[])))
			AND (CAST(? AS INTEGER) IS NULL OR journey_version = ?)""";

	static final String STORED_FIGURES = """
			SELECT step_id, variant, SUM(queued) AS queued, SUM(sent) AS sent, SUM(delivered) AS delivered,
			       SUM(deferred) AS deferred, SUM(bounced) AS bounced, SUM(skipped) AS skipped, SUM(failed) AS failed,
			       SUM(opened) AS opened, SUM(clicked) AS clicked, SUM(converted) AS converted, SUM(revenue) AS revenue,
			       SUM(unsubscribed) AS unsubscribed
			FROM journey_step_daily WHERE %s
			GROUP BY step_id, variant""".formatted(STORED_DAYS);

	static final String STORED_DAILY = """
			SELECT mail_day, SUM(sent) AS sent, SUM(delivered) AS delivered, SUM(opened) AS opened,
			       SUM(clicked) AS clicked, SUM(converted) AS converted
			FROM journey_step_daily WHERE %s
			GROUP BY mail_day""".formatted(STORED_DAYS);

	static final String STORED_CLICKERS = """
			SELECT step_id, variant, contact_id FROM journey_step_clickers WHERE %s""".formatted(STORED_DAYS);

	static final String PENDING_DAYS = "SELECT DISTINCT mail_day FROM journey_stats_changes WHERE journey_key = ?";

	private RollupSql() {
	}

}
