package io.tidings.sendtime.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tidings.sendtime.EngagementHistory;
import io.tidings.sendtime.SendTimeProperties;
import io.tidings.sendtime.internal.SyntheticAudience.Scenario;

/**
 * Sends each synthetic contact {@link #MAILS} weekly campaign mails, each ready on a
 * Tuesday at 10:00 local time, four ways: at once (the fixed time); at the model's best
 * time within 24 hours and within 7 days of that; and, as the ceiling no model can beat,
 * at the hour within 24 hours that the contact's true habits make best. The model learns
 * from the contacts' past opens only, through the same code the journeys use.
 */
final class SendTimeSimulation {

	/** A Monday; the past opens end here and the first campaign is the next day. */
	static final Instant HISTORY_END = Instant.parse("2026-11-16T00:00:00Z");

	static final int MAILS = 4;

	/**
	 * Open rates (opened mails / sent mails) of each way of sending.
	 *
	 * @param expectedFixed the mean true open chance at the fixed time: the open rate
	 * without the luck of the draw
	 * @param expectedBestWithinDay the same at the learnt time within 24 hours
	 * @param learnt the share of contacts whose own decayed history reached
	 * {@code minWeight}
	 */
	record Result(int contacts, int mails, double fixed, double bestWithinDay, double bestWithinWeek,
			double ceilingWithinDay, double expectedFixed, double expectedBestWithinDay, double learnt) {

		double uplift() {
			return bestWithinDay / fixed - 1;
		}

		double expectedUplift() {
			return expectedBestWithinDay / expectedFixed - 1;
		}

	}

	private SendTimeSimulation() {
	}

	/** The next Tuesday 10:00 in the zone, at or after {@code from}. */
	static Instant campaignTime(ZoneId zone, Instant from) {
		ZonedDateTime local = from.atZone(zone);
		ZonedDateTime tuesday = local.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).with(LocalTime.of(10, 0));
		return (tuesday.isBefore(local) ? tuesday.plusWeeks(1) : tuesday).toInstant();
	}

	static Result run(long seed, int size, Scenario scenario) {
		return run(seed, size, scenario, SendTimeProperties.defaults());
	}

	static Result run(long seed, int size, Scenario scenario, SendTimeProperties properties) {
		Random random = new Random(seed);
		SyntheticAudience audience = SyntheticAudience.generate(size, random, scenario, HISTORY_END);
		SendTimeModel model = new SendTimeModel(properties);
		AudiencePattern everyone = new AudiencePattern(history(audience), model, properties.lookback(),
				Duration.ofDays(1), properties.defaultZone());
		int[] opened = new int[4];
		double[] expected = new double[2];
		int learnt = 0;
		for (int week = 0; week < MAILS; week++) {
			Instant weekStart = HISTORY_END.plus(Duration.ofDays(7L * week));
			WeeklyPattern audiencePattern = everyone.asOf(weekStart);
			for (SyntheticContact contact : audience.contacts) {
				Instant ready = campaignTime(contact.zone(), weekStart);
				WeeklyPattern own = model.patternOf(audience.opens.get(contact.id()), contact.zone(), ready);
				learnt += week == 0 && own.total() >= properties.minWeight() ? 1 : 0;
				Instant[] sendAt = { ready,
						model.best(own, audiencePattern, contact.zone(), ready, Duration.ofHours(24)),
						model.best(own, audiencePattern, contact.zone(), ready, Duration.ofDays(7)),
						ceiling(contact, ready, 24) };
				for (int way = 0; way < sendAt.length; way++) {
					opened[way] += contact.open(sendAt[way], random).isPresent() ? 1 : 0;
				}
				expected[0] += contact.openProbability(sendAt[0]);
				expected[1] += contact.openProbability(sendAt[1]);
			}
		}
		double mails = (double) MAILS * size;
		return new Result(size, MAILS * size, opened[0] / mails, opened[1] / mails, opened[2] / mails,
				opened[3] / mails, expected[0] / mails, expected[1] / mails, learnt / (double) size);
	}

	/** The hour within the window that the contact's true habits make best. */
	private static Instant ceiling(SyntheticContact contact, Instant ready, int hours) {
		Instant best = ready;
		double bestProbability = contact.openProbability(ready);
		for (int hour = 1; hour <= hours; hour++) {
			Instant candidate = ready.plus(Duration.ofHours(hour));
			double probability = contact.openProbability(candidate);
			if (probability > bestProbability) {
				best = candidate;
				bestProbability = probability;
			}
		}
		return best;
	}

	private static EngagementHistory history(SyntheticAudience audience) {
		Map<String, ZoneId> zones = audience.contacts.stream()
			.collect(Collectors.toMap(SyntheticContact::id, SyntheticContact::zone));
		return new EngagementHistory() {

			@Override
			public List<Instant> humanEngagements(String contactId, Instant since) {
				return audience.opens.get(contactId).stream().filter(at -> !at.isBefore(since)).toList();
			}

			@Override
			public void eachHumanEngagement(Instant since, AudienceEngagement sink) {
				audience.opens.forEach((id, opens) -> opens.stream()
					.filter(at -> !at.isBefore(since))
					.forEach(at -> sink.accept(at, zones.get(id).getId())));
			}

		};
	}

	static Function<Result, String> describe() {
		return result -> String.format(
				"contacts %,d, mails %,d: fixed %.2f %%, best within 24 h %.2f %%, within 7 d %.2f %%, ceiling (true habits, 24 h) %.2f %%; expected fixed %.2f %%, best within 24 h %.2f %%; %.0f %% had history of their own",
				result.contacts(), result.mails(), 100 * result.fixed(), 100 * result.bestWithinDay(),
				100 * result.bestWithinWeek(), 100 * result.ceilingWithinDay(), 100 * result.expectedFixed(),
				100 * result.expectedBestWithinDay(), 100 * result.learnt());
	}

}
