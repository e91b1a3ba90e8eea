package io.tidings.analytics.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.tidings.analytics.JourneyMails;

/**
 * Random mails of the welcome journey over several days, with human and machine opens and
 * clicks, conversions and unsubscribes, from a small pool of contacts (so contacts click
 * in several steps and days), over two versions and an A/B step.
 */
final class RandomJourneyMails {

	static final String[] STEPS = { "SendWelcomeEmail", "SendTipsEmail", "SendCheckInEmail" };

	private static final String[] STATUSES = { "SENT", "SENT", "SENT", "SENT", "SENT", "BOUNCED", "DEFERRED", "QUEUED",
			"SKIPPED", "CANCELLED", "FAILED" };

	private final JourneyMails mails;

	private final Random random;

	private final List<String[]> sent = new ArrayList<>();

	private int next;

	RandomJourneyMails(JourneyMails mails, long seed) {
		this.mails = mails;
		this.random = new Random(seed);
	}

	/**
	 * {@code count} mails queued at random moments from {@code from} on, over
	 * {@code days}.
	 */
	void fill(Instant from, int days, int count) {
		for (int i = 0; i < count; i++) {
			mail(from.plusSeconds(random.nextInt(days * 86_400)));
		}
	}

	/** One mail queued at {@code created}, with what became of it; returns its id. */
	String mail(Instant created) {
		String id = "m" + (++next);
		String contact = "c" + random.nextInt(15);
		String step = STEPS[random.nextInt(STEPS.length)];
		String variant = step.equals("SendTipsEmail") ? (random.nextBoolean() ? "A" : "B") : null;
		String status = STATUSES[random.nextInt(STATUSES.length)];
		mails.mail(id, contact, step, variant, status, 1 + random.nextInt(2), created);
		if (!status.equals("SENT")) {
			return id;
		}
		sent.add(new String[] { id, contact, step });
		if (random.nextInt(3) > 0) {
			int opens = 1 + random.nextInt(3);
			mails.opened(id, opens, random.nextInt(opens + 1));
		}
		if (random.nextInt(3) == 0) {
			lateEvent(id, contact, step, created);
		}
		if (random.nextInt(8) == 0) {
			mails.unsubscribed(contact, created.plus(Duration.ofHours(random.nextInt(120))));
		}
		return id;
	}

	/** A click (human or a machine's), and sometimes an order, on a sent mail. */
	void lateEvent(String id, String contact, String step, Instant created) {
		Instant clicked = created.plus(Duration.ofMinutes(1 + random.nextInt(5000)));
		mails.clicked(id, contact, step, random.nextInt(4) == 0, clicked);
		if (random.nextInt(3) == 0) {
			mails.converted(id, contact, step, BigDecimal.valueOf(100 + random.nextInt(20_000), 2).toPlainString(),
					clicked.plusSeconds(600));
		}
	}

	/** A mail sent earlier, picked at random: id, contact and step. */
	String[] anySent() {
		return sent.get(random.nextInt(sent.size()));
	}

}
