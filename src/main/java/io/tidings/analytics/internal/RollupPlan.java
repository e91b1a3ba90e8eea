package io.tidings.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How a period of mails (queued from {@code from}, inclusive, to {@code to}, exclusive;
 * null for no bound) is answered: the whole UTC days in it from the rollup
 * ({@code firstDay} to {@code endDay}, exclusive), except the days with changes the
 * rollup has not taken in yet ({@code pending}), and those days with the partial days at
 * the ends from the raw tables ({@code raw}, adjacent parts joined).
 */
record RollupPlan(LocalDate firstDay, LocalDate endDay, List<LocalDate> pending, List<Interval> raw) {

	/** Before any mail and after any mail: the bounds of a period without one. */
	static final LocalDate FIRST = LocalDate.of(1970, 1, 1);

	static final LocalDate LAST = LocalDate.of(9999, 12, 31);

	record Interval(Instant from, Instant to) {
	}

	static RollupPlan of(Instant from, Instant to, Collection<LocalDate> pendingDays) {
		LocalDate firstDay = from == null ? FIRST : day(from.minusNanos(1)).plusDays(1);
		LocalDate endDay = to == null ? LAST : day(to);
		if (!firstDay.isBefore(endDay)) {
			return new RollupPlan(firstDay, firstDay, List.of(), List.of(new Interval(from, to)));
		}
		List<LocalDate> pending = new TreeSet<>(pendingDays).stream()
			.filter(day -> !day.isBefore(firstDay) && day.isBefore(endDay))
			.toList();
		List<Interval> raw = new ArrayList<>();
		if (from != null && from.isBefore(start(firstDay))) {
			raw.add(new Interval(from, start(firstDay)));
		}
		pending.forEach(day -> raw.add(new Interval(start(day), start(day.plusDays(1)))));
		if (to != null && start(endDay).isBefore(to)) {
			raw.add(new Interval(start(endDay), to));
		}
		return new RollupPlan(firstDay, endDay, pending, joined(raw));
	}

	/** The pending days as a PostgreSQL {@code DATE[]} literal. */
	String pendingArray() {
		return pending.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
	}

	static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static List<Interval> joined(List<Interval> parts) {
		List<Interval> joined = new ArrayList<>();
		for (Interval part : parts) {
			Interval last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
			if (last != null && last.to().equals(part.from())) {
				joined.set(joined.size() - 1, new Interval(last.from(), part.to()));
			}
			else {
				joined.add(part);
			}
		}
		return joined;
	}

}
