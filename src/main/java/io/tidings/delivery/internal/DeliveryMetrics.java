package io.tidings.delivery.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tidings.consent.EmailCategory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The delivery module's meters: {@code tidings.mails} counted by outcome and category
 * (two bounded tags: no address, template or journey), the SMTP conversation's latency,
 * and the outbox backlog as gauges. The backlog is the cluster's (every node reads the
 * same outbox), so take max() over nodes, not sum().
 */
@Component
class DeliveryMetrics {

	enum Outcome {

		/** Recorded in the outbox (counted when the journey's transaction commits). */
		QUEUED,
		/** Accepted by the relay. */
		SENT,
		/** Held back by a rule (quiet hours, frequency cap, rate limit). */
		DEFERRED,
		/** A temporary failure, tried again later. */
		RETRIED,
		/** Refused permanently (5xx) while sending. */
		BOUNCED,
		/** Given up after the last attempt. */
		FAILED,
		/** Not sent: the address is suppressed or unsubscribed. */
		SKIPPED

	}

	private final Map<Outcome, Map<EmailCategory, Counter>> mails = new EnumMap<>(Outcome.class);

	private final Timer smtpAccepted;

	private final Timer smtpFailed;

	DeliveryMetrics(MeterRegistry registry, OutboxBacklog backlog) {
		for (Outcome outcome : Outcome.values()) {
			Map<EmailCategory, Counter> byCategory = new EnumMap<>(EmailCategory.class);
			for (EmailCategory category : EmailCategory.values()) {
				byCategory.put(category,
						Counter.builder("tidings.mails")
							.description("Mails by what happened to them")
							.tag("outcome", lower(outcome))
							.tag("category", lower(category))
							.register(registry));
			}
			mails.put(outcome, byCategory);
		}
		smtpAccepted = smtpTimer(registry, "accepted");
		smtpFailed = smtpTimer(registry, "failed");
		Gauge.builder("tidings.outbox.lag", backlog, b -> b.read().oldestDueAge().toMillis() / 1000.0)
			.description("How long the oldest due, unsent mail has waited (the cluster's outbox)")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("tidings.outbox.due", backlog, b -> b.read().due())
			.description("Unsent mails whose time has come (the cluster's outbox)")
			.register(registry);
		Gauge.builder("tidings.outbox.pending", backlog, b -> b.read().pending())
			.description("Mails not yet sent, including those deferred to later (the cluster's outbox)")
			.register(registry);
	}

	void count(Outcome outcome, EmailCategory category) {
		mails.get(outcome).get(category).increment();
	}

	/** Counts a queued mail once the caller's transaction commits, never on rollback. */
	void queuedAfterCommit(EmailCategory category) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count(Outcome.QUEUED, category);
				}
			});
		}
		else {
			count(Outcome.QUEUED, category);
		}
	}

	void smtpConversation(Duration took, boolean accepted) {
		(accepted ? smtpAccepted : smtpFailed).record(took);
	}

	private static Timer smtpTimer(MeterRegistry registry, String result) {
		return Timer.builder("tidings.smtp.send")
			.description("One mail's SMTP conversation with the relay, connecting included when needed")
			.tag("result", result)
			.serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
					Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
					Duration.ofSeconds(30))
			.register(registry);
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
