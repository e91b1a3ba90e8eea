package io.tidings.analytics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tidings.analytics.JourneyStats;
import io.tidings.analytics.internal.StepFigures.Key;
import io.tidings.journey.JourneyCatalog;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Journey statistics, from the rollup where it is on ({@link RolledUpFigures}), else
 * straight from the tables, in three grouped queries over the mails of the journey and
 * period (and version): their outcomes with the opens, clicks and conversions joined in
 * (each pre-grouped on the journey, through the indexes on journey key), the contacts who
 * clicked them, and the unsubscribes that followed them. The mails are read from the
 * covering index on journey and time (V19), so the wide mail rows themselves are not
 * touched; bench/stats measures it at a million mails.
 */
@Service
class JdbcJourneyStats implements JourneyStats {

	/** The mails of one journey and period (and version); parameters in this order. */
	static final String MAILS = """
			d.journey_key = ? AND d.created_at >= ? AND d.created_at < ?
			AND (CAST(? AS INTEGER) IS NULL OR d.journey_version = ?)""";

	/** A mail's human opens and clicks: a human click always comes with a human open. */
	static final String COUNTS = """
			SELECT d.step_id, d.variant, COUNT(*) AS queued,
			       SUM(CASE WHEN d.sent_at IS NOT NULL AND d.status IN ('SENT', 'BOUNCED') THEN 1 ELSE 0 END) AS sent,
			       SUM(CASE WHEN d.status = 'SENT' THEN 1 ELSE 0 END) AS delivered,
			       SUM(CASE WHEN d.status IN ('QUEUED', 'DEFERRED', 'SENDING') THEN 1 ELSE 0 END) AS deferred,
			       SUM(CASE WHEN d.status = 'BOUNCED' THEN 1 ELSE 0 END) AS bounced,
			       SUM(CASE WHEN d.status IN ('SKIPPED', 'CANCELLED') THEN 1 ELSE 0 END) AS skipped,
			       SUM(CASE WHEN d.status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
			       SUM(CASE WHEN e.opens > 0 THEN 1 ELSE 0 END) AS opened,
			       SUM(CASE WHEN e.clicks > 0 THEN 1 ELSE 0 END) AS clicked,
			       COALESCE(SUM(v.conversions), 0) AS converted, COALESCE(SUM(v.revenue), 0) AS revenue
			FROM deliveries d
			LEFT JOIN (SELECT delivery_id, SUM(CASE WHEN kind = 'OPEN' THEN 1 ELSE 0 END) AS opens,
			                  SUM(CASE WHEN kind = 'CLICK' THEN 1 ELSE 0 END) AS clicks
			           FROM engagements WHERE journey_key = ? AND machine = FALSE GROUP BY delivery_id) e
			       ON e.delivery_id = d.id
			LEFT JOIN (SELECT delivery_id, COUNT(*) AS conversions, SUM(revenue) AS revenue FROM conversions
			           WHERE journey_key = ? GROUP BY delivery_id) v
			       ON v.delivery_id = d.id
			WHERE %s
			GROUP BY d.step_id, d.variant""".formatted(MAILS);

	/**
	 * Distinct contacts who clicked, per step and variant, and over the whole journey
	 * (the row without a step): a contact who clicked in two steps is one clicker of the
	 * journey.
	 */
	static final String CLICKERS = """
			SELECT d.step_id, d.variant, COUNT(DISTINCT d.contact_id) AS unique_clickers
			FROM deliveries d
			JOIN (SELECT DISTINCT delivery_id FROM engagements
			      WHERE journey_key = ? AND kind = 'CLICK' AND machine = FALSE) c ON c.delivery_id = d.id
			WHERE %1$s
			GROUP BY d.step_id, d.variant
			UNION ALL
			SELECT NULL, NULL, COUNT(DISTINCT d.contact_id)
			FROM deliveries d
			JOIN (SELECT DISTINCT delivery_id FROM engagements
			      WHERE journey_key = ? AND kind = 'CLICK' AND machine = FALSE) c ON c.delivery_id = d.id
			WHERE %1$s""".formatted(MAILS);

	static final String UNSUBSCRIBES = """
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

	private final JourneyStatsRollup rollup;

	private final RolledUpFigures rolledUp;

	JdbcJourneyStats(JdbcTemplate jdbc, JourneyCatalog catalog, JourneyStatsRollup rollup, RolledUpFigures rolledUp) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.rollup = rollup;
		this.rolledUp = rolledUp;
	}

	@Override
	@Transactional(readOnly = true)
	public Report of(String journeyKey, Instant from, Instant to, Integer version) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidInput(List.of(new FieldError("to", "must be after from")));
		}
		rollup.planForTheArguments();
		Map<String, String> names = catalog.stepNames(journeyKey);
		StepFigures figures = rollup.active() ? rolledUp.of(journeyKey, from, to, version)
				: raw(journeyKey, from, to, version);
		return report(journeyKey, from, to, version, names, figures.counts(), figures.uniqueClickers());
	}

	/** The figures from the raw tables alone, as on H2 or with the rollup off. */
	StepFigures raw(String journeyKey, Instant from, Instant to, Integer version) {
		Object[][] arguments = arguments(journeyKey, from, to, version);
		Map<Key, Counts> counts = new HashMap<>();
		jdbc.query(COUNTS, rs -> {
			counts.put(StepFigures.key(rs), StepFigures.counts(rs, false));
		}, arguments[0]);
		Map<Key, Long> clickers = new HashMap<>();
		jdbc.query(CLICKERS, rs -> {
			clickers.put(StepFigures.key(rs), rs.getLong("unique_clickers"));
		}, arguments[1]);
		Map<Key, Long> unsubscribed = new HashMap<>();
		jdbc.query(UNSUBSCRIBES, rs -> {
			unsubscribed.put(StepFigures.key(rs), rs.getLong("unsubscribed"));
		}, arguments[2]);
		counts.replaceAll((key, value) -> StepFigures.with(value, clickers.getOrDefault(key, 0L),
				unsubscribed.getOrDefault(key, 0L)));
		return new StepFigures(counts, clickers.getOrDefault(new Key(null, null), 0L));
	}

	/**
	 * The arguments of {@link #COUNTS}, {@link #CLICKERS} and {@link #UNSUBSCRIBES}, in
	 * this order.
	 */
	static Object[][] arguments(String journeyKey, Instant from, Instant to, Integer version) {
		Object[] mails = { journeyKey, Timestamp.from(from == null ? EVER : from),
				Timestamp.from(to == null ? NEVER : to), version, version };
		Object[] clickers = concat(new Object[] { journeyKey }, mails);
		return new Object[][] { concat(new Object[] { journeyKey, journeyKey }, mails), concat(clickers, clickers),
				mails };
	}

	/** Steps in the order of the journey's flow, then steps it no longer has by id. */
	private static Report report(String journeyKey, Instant from, Instant to, Integer version,
			Map<String, String> names, Map<Key, Counts> counts, long uniqueClickers) {
		List<String> flow = List.copyOf(names.keySet());
		Comparator<Key> order = Comparator
			.comparingInt((Key key) -> flow.contains(key.step()) ? flow.indexOf(key.step()) : flow.size())
			.thenComparing(key -> Objects.toString(key.step(), ""))
			.thenComparing(key -> Objects.toString(key.variant(), ""));
		Map<String, List<Variant>> variants = new LinkedHashMap<>();
		Map<String, Counts> perStep = new LinkedHashMap<>();
		counts.entrySet().stream().sorted(Map.Entry.comparingByKey(order)).forEach(entry -> {
			String step = entry.getKey().step();
			perStep.merge(step, entry.getValue(), StepFigures::plus);
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
		Counts total = perStep.values().stream().reduce(StepFigures::plus).orElse(StepFigures.zero());
		total = StepFigures.with(total, uniqueClickers, total.unsubscribed());
		return new Report(journeyKey, from, to, version, total, Rates.of(total), steps);
	}

	private static Object[] concat(Object[] first, Object[] second) {
		Object[] all = new Object[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
