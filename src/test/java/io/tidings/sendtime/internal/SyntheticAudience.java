package io.tidings.sendtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates people with known habits and the opens their past mail got: each person reads
 * mail around one or two hours of the day (a spread of one to two hours), more on
 * weekdays or more at weekends, plus some reading at any hour. Their past mail went out
 * half at the sender's weekly campaign time (Tuesday 10:00 local) and half at random
 * moments (triggered mail); one in ten past mails also brought a stray open at a random
 * moment (someone searching their inbox), which is noise to the model.
 */
final class SyntheticAudience {

	static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Amsterdam"), ZoneId.of("Europe/London"),
			ZoneId.of("America/New_York"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Tokyo"),
			ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Sydney"), ZoneId.of("UTC"));

	static final Duration HISTORY = Duration.ofDays(180);

	/** At most this many past mails per person; from none to this, evenly. */
	static final int MAX_PAST_MAILS = 40;

	/**
	 * The world a simulation runs in.
	 *
	 * @param habits false: everybody reads mail evenly around the clock, so no send time
	 * is better than another (the control)
	 * @param campaignShare the share of past mail sent at the campaign time; the rest
	 * went at random moments
	 */
	record Scenario(String name, boolean habits, double campaignShare) {

		static final Scenario VARIED_PAST_SENDS = new Scenario("habits, past mail at varied times", true, 0);

		static final Scenario CAMPAIGN_PAST_SENDS = new Scenario("habits, half the past mail at the campaign time",
				true, 0.5);

		static final Scenario NO_HABITS = new Scenario("no habits (control)", false, 0.5);

	}

	final List<SyntheticContact> contacts = new ArrayList<>();

	final Map<String, List<Instant>> opens = new HashMap<>();

	private SyntheticAudience() {
	}

	static SyntheticAudience generate(int size, Random random, Scenario scenario, Instant historyEnd) {
		SyntheticAudience audience = new SyntheticAudience();
		for (int i = 0; i < size; i++) {
			ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
			double[] looks = scenario.habits() ? habitualLooks(random) : evenLooks();
			SyntheticContact contact = new SyntheticContact("sim-" + i, zone, looks, 0.2 + 0.4 * random.nextDouble());
			audience.contacts.add(contact);
			audience.opens.put(contact.id(), pastOpens(contact, random, scenario.campaignShare(), historyEnd));
		}
		return audience;
	}

	private static List<Instant> pastOpens(SyntheticContact contact, Random random, double campaignShare,
			Instant historyEnd) {
		Instant historyStart = historyEnd.minus(HISTORY);
		List<Instant> opens = new ArrayList<>();
		int mails = random.nextInt(MAX_PAST_MAILS + 1);
		for (int m = 0; m < mails; m++) {
			Instant sent = random.nextDouble() < campaignShare
					? SendTimeSimulation.campaignTime(contact.zone(), randomMoment(random, historyStart))
					: randomMoment(random, historyStart);
			contact.open(sent, random).filter(open -> open.isBefore(historyEnd)).ifPresent(opens::add);
			if (random.nextDouble() < 0.1) {
				opens.add(randomMoment(random, historyStart));
			}
		}
		return opens;
	}

	private static Instant randomMoment(Random random, Instant from) {
		return from.plusSeconds((long) (random.nextDouble() * HISTORY.toSeconds()));
	}

	private static double[] habitualLooks(Random random) {
		double[] byHourOfDay = new double[24];
		int peaks = random.nextDouble() < 0.5 ? 1 : 2;
		for (int p = 0; p < peaks; p++) {
			double peak = peakHour(random);
			double spread = 1 + random.nextDouble();
			for (int h = 0; h < 24; h++) {
				double distance = Math.min(Math.abs(h + 0.5 - peak), 24 - Math.abs(h + 0.5 - peak));
				byHourOfDay[h] += 1.5 * Math.exp(-distance * distance / (2 * spread * spread));
			}
		}
		boolean weekendReader = random.nextDouble() < 0.3;
		double[] looks = new double[WeeklyPattern.HOURS];
		for (int h = 0; h < WeeklyPattern.HOURS; h++) {
			boolean weekend = h >= 5 * 24;
			double day = weekend == weekendReader ? 1.0 : 0.5;
			looks[h] = 0.05 + day * byHourOfDay[h % 24];
		}
		return looks;
	}

	/**
	 * Where a reading peak lies: on the commute (07:00 to 09:00) for a third of peaks,
	 * around lunch for a fifth, in the evening (19:00 to 22:00) for a third, and at any
	 * hour from 06:00 to 23:00 for the rest.
	 */
	private static double peakHour(Random random) {
		double kind = random.nextDouble();
		if (kind < 0.33) {
			return 7 + 2 * random.nextDouble();
		}
		if (kind < 0.53) {
			return 12 + 1.5 * random.nextDouble();
		}
		if (kind < 0.86) {
			return 19 + 3 * random.nextDouble();
		}
		return 6 + 17 * random.nextDouble();
	}

	private static double[] evenLooks() {
		double[] looks = new double[WeeklyPattern.HOURS];
		Arrays.fill(looks, 0.3);
		return looks;
	}

}
