package io.tidings.analytics.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tidings.analytics.JourneyStats;
import io.tidings.journey.JourneyCatalog;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Journey statistics straight from the tables, in two grouped queries: the journey's
 * mails with their opens, clicks and conversions joined in (each pre-grouped on the
 * journey, through the indexes on journey key), and the unsubscribes that followed them.
 * The mails of the period are found through the index on journey, time and step.
 */
@Service
class JdbcJourneyStats implements JourneyStats {

	/** The mails of one journey and period (and version); parameters in this order. */
	private static final String MAILS = """
			d.journey_key = ? AND d.created_at >= ? AND d.created_at < ?
			AND (CAST(? AS INTEGER) IS NULL OR d.journey_version = ?)""";

	private static final String COUNTS = """
			SELECT d.step_id, d.variant, COUNT(*) AS queued,
			       SUM(CASE WHEN d.sent_at IS NOT NULL AND d.status IN ('SENT', 'BOUNCED') THEN 1 ELSE 0 END) AS sent,
			       SUM(CASE WHEN d.status = 'SENT' THEN 1 ELSE 0 END) AS delivered,
			       SUM(CASE WHEN d.status IN ('QUEUED', 'DEFERRED', 'SENDING') THEN 1 ELSE 0 END) AS deferred,
			       SUM(CASE WHEN d.status = 'BOUNCED' THEN 1 ELSE 0 END) AS bounced,
			       SUM(CASE WHEN d.status IN ('SKIPPED', 'WITHDRAWN') THEN 1 ELSE 0 END) AS skipped,
			       SUM(CASE WHEN d.status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
			       SUM(CASE WHEN o.human_open_count > 0 THEN 1 ELSE 0 END) AS opened,
			       SUM(CASE WHEN c.delivery_id IS NOT NULL THEN 1 ELSE 0 END) AS clicked,
			       COUNT(DISTINCT CASE WHEN c.delivery_id IS NOT NULL THEN d.contact_id END) AS unique_clickers,
			       COALESCE(SUM(v.conversions), 0) AS converted, COALESCE(SUM(v.revenue), 0) AS revenue
			FROM deliveries d
			LEFT JOIN delivery_opens o ON o.delivery_id = d.id
			LEFT JOIN (SELECT delivery_id FROM engagements
			           WHERE journey_key = ? AND kind = 'CLICK' AND machine = FALSE GROUP BY delivery_id) c
			       ON c.delivery_id = d.id
			LEFT JOIN (SELECT delivery_id, COUNT(*) AS conversions, SUM(revenue) AS revenue FROM conversions
			           WHERE journey_key = ? GROUP BY delivery_id) v
			       ON v.delivery_id = d.id
			WHERE %s
			GROUP BY d.step_id, d.variant""".formatted(MAILS);

	private static final String UNSUBSCRIBES = """
			SELECT d.step_id, d.variant, COUNT(DISTINCT d.id) AS unsubscribed
			FROM deliveries d
			JOIN consent_records r ON r.contact_id = d.contact_id AND r.action = 'UNSUBSCRIBED'
			 AND r.recorded_at >= d.sent_at AND r.recorded_at < d.sent_at + INTERVAL '3' DAY
			WHERE %s AND d.sent_at IS NOT NULL
			GROUP BY d.step_id, d.variant""".formatted(MAILS);

	private static final Instant EVER = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

	private final JdbcTemplate jdbc;

	private final JourneyCatalog catalog;

	JdbcJourneyStats(JdbcTemplate jdbc, JourneyCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Override
	@Transactional(readOnly = true)
	public Report of(String journeyKey, Instant from, Instant to, Integer version) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidInput(List.of(new FieldError("to", "must be after from")));
		}
		Map<String, String> names = catalog.stepNames(journeyKey);
		Object[] mails = { Timestamp.from(from == null ? EVER : from), Timestamp.from(to == null ? NEVER : to), version,
				version };
		Map<Key, Counts> counts = new LinkedHashMap<>();
		jdbc.query(COUNTS, rs -> {
			counts.put(key(rs), counts(rs, 0));
		}, concat(new Object[] { journeyKey, journeyKey, journeyKey }, mails));
		Map<Key, Long> unsubscribed = new HashMap<>();
		jdbc.query(UNSUBSCRIBES, rs -> {
			unsubscribed.put(key(rs), rs.getLong("unsubscribed"));
		}, concat(new Object[] { journeyKey }, mails));
		counts.replaceAll((key, value) -> withUnsubscribed(value, unsubscribed.getOrDefault(key, 0L)));
		return report(journeyKey, from, to, version, names, counts);
	}

	private static Report report(String journeyKey, Instant from, Instant to, Integer version,
			Map<String, String> names, Map<Key, Counts> counts) {
		Map<String, List<Variant>> variants = new LinkedHashMap<>();
		Map<String, Counts> perStep = new LinkedHashMap<>();
		counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			String step = entry.getKey().step();
			perStep.merge(step, entry.getValue(), JdbcJourneyStats::plus);
			if (entry.getKey().variant() != null) {
				variants.computeIfAbsent(step, s -> new ArrayList<>())
					.add(new Variant(entry.getKey().variant(), entry.getValue(), Rates.of(entry.getValue())));
			}
		});
		List<Step> steps = perStep.entrySet()
			.stream()
			.map(entry -> new Step(entry.getKey(), names.get(entry.getKey()), entry.getValue(),
					Rates.of(entry.getValue()), variants.getOrDefault(entry.getKey(), List.of())))
			.toList();
		Counts total = perStep.values().stream().reduce(JdbcJourneyStats::plus).orElse(zero());
		return new Report(journeyKey, from, to, version, total, Rates.of(total), steps);
	}

	private record Key(String step, String variant) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int byStep = Objects.toString(step, "").compareTo(Objects.toString(other.step, ""));
			return byStep != 0 ? byStep : Objects.toString(variant, "").compareTo(Objects.toString(other.variant, ""));
		}

	}

	private static Key key(ResultSet rs) throws SQLException {
		return new Key(rs.getString("step_id"), rs.getString("variant"));
	}

	private static Counts counts(ResultSet rs, long unsubscribed) throws SQLException {
		BigDecimal revenue = rs.getBigDecimal("revenue");
		return new Counts(rs.getLong("queued"), rs.getLong("sent"), rs.getLong("delivered"), rs.getLong("deferred"),
				rs.getLong("bounced"), rs.getLong("skipped"), rs.getLong("failed"), rs.getLong("opened"),
				rs.getLong("clicked"), rs.getLong("unique_clickers"), rs.getLong("converted"),
				revenue == null ? BigDecimal.ZERO : revenue, unsubscribed);
	}

	private static Counts withUnsubscribed(Counts c, long unsubscribed) {
		return new Counts(c.queued(), c.sent(), c.delivered(), c.deferred(), c.bounced(), c.skipped(), c.failed(),
				c.opened(), c.clicked(), c.uniqueClickers(), c.converted(), c.revenue(), unsubscribed);
	}

	/** Unique clickers add up across variants: a contact is in one variant of a step. */
	private static Counts plus(Counts a, Counts b) {
		return new Counts(a.queued() + b.queued(), a.sent() + b.sent(), a.delivered() + b.delivered(),
				a.deferred() + b.deferred(), a.bounced() + b.bounced(), a.skipped() + b.skipped(),
				a.failed() + b.failed(), a.opened() + b.opened(), a.clicked() + b.clicked(),
				a.uniqueClickers() + b.uniqueClickers(), a.converted() + b.converted(), a.revenue().add(b.revenue()),
				a.unsubscribed() + b.unsubscribed());
	}

	private static Counts zero() {
		return new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);
	}

	private static Object[] concat(Object[] first, Object[] second) {
		Object[] all = new Object[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
