package io.tidings.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.tidings.delivery.DeliveryProperties;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One claimed row's way out: the send policy (suppressed: skipped; quiet hours or
 * frequency cap: deferred), the rate limits, the SMTP conversation, and the outcome
 * recorded: sent with the server's reply, retried with exponential backoff and jitter,
 * bounced on a 5xx, or failed after the last attempt.
 */
@Component
class DeliveryAttempt {

	private static final Logger log = LoggerFactory.getLogger(DeliveryAttempt.class);

	private final DeliveryStore store;

	private final SendPolicy policy;

	private final SendThrottle throttle;

	private final BounceRecorder bounces;

	private final MimeMessages messages;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final DeliveryMetrics metrics;

	DeliveryAttempt(DeliveryStore store, SendPolicy policy, SendThrottle throttle, BounceRecorder bounces,
			MimeMessages messages, DeliveryProperties properties, Clock clock, DeliveryMetrics metrics) {
		this.metrics = metrics;
		this.store = store;
		this.policy = policy;
		this.throttle = throttle;
		this.bounces = bounces;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return how long the rest of the batch should wait: positive only when the server
	 * could not be reached
	 */
	Duration handle(String workerId, SmtpConnection connection, ClaimedDelivery delivery, SendPolicy.Checks checks)
			throws InterruptedException {
		try {
			SendPolicy.Decision decision = policy.decide(delivery, checks);
			switch (decision.action()) {
				case SKIP -> {
					log.info("Delivery {} skipped: {}", delivery.id(), decision.reason());
					store.markSkipped(delivery.id(), workerId, decision.reason());
					metrics.count(DeliveryMetrics.Outcome.SKIPPED, delivery.category());
					return Duration.ZERO;
				}
				case DEFER -> {
					log.debug("Delivery {} deferred until {}: {}", delivery.id(), decision.until(), decision.reason());
					store.defer(delivery.id(), workerId, decision.reason(), decision.until());
					metrics.count(DeliveryMetrics.Outcome.DEFERRED, delivery.category());
					return Duration.ZERO;
				}
				case SEND -> {
					return throttleThenSend(workerId, connection, delivery);
				}
			}
		}
		catch (RuntimeException ex) {
			// The database went away mid-batch: the row's lease brings it back.
			log.warn("Could not record the outcome of delivery {}: {}", delivery.id(), ex.getMessage());
		}
		return Duration.ZERO;
	}

	private Duration throttleThenSend(String workerId, SmtpConnection connection, ClaimedDelivery delivery)
			throws InterruptedException {
		Duration domainWait = throttle.reserveDomain(delivery.recipient());
		if (domainWait.isNegative()) {
			store.defer(delivery.id(), workerId, "rate limit for the recipient's domain",
					clock.instant().plus(domainWait.negated()));
			metrics.count(DeliveryMetrics.Outcome.DEFERRED, delivery.category());
			return Duration.ZERO;
		}
		if (positive(domainWait)) {
			Thread.sleep(domainWait.toMillis());
		}
		throttle.awaitOverall();
		String reply;
		log.debug("Sending delivery {} (attempt {})", delivery.id(), delivery.attempts());
		long started = System.nanoTime();
		try {
			reply = connection.send(messages.build(connection.session(), delivery));
		}
		catch (MessagingException | RuntimeException ex) {
			metrics.smtpConversation(Duration.ofNanos(System.nanoTime() - started), false);
			return recordFailure(workerId, delivery, SmtpOutcome.of(ex));
		}
		metrics.smtpConversation(Duration.ofNanos(System.nanoTime() - started), true);
		store.markSent(delivery.id(), workerId, reply);
		metrics.count(DeliveryMetrics.Outcome.SENT, delivery.category());
		log.debug("Delivery {} sent: {}", delivery.id(), reply);
		return Duration.ZERO;
	}

	private Duration recordFailure(String workerId, ClaimedDelivery delivery, SmtpOutcome outcome) {
		if (outcome.permanent()) {
			bounces.bouncedNow(delivery, workerId, outcome.reply());
			metrics.count(DeliveryMetrics.Outcome.BOUNCED, delivery.category());
			return Duration.ZERO;
		}
		if (delivery.attempts() >= properties.maxAttempts()) {
			log.warn("Delivery {} failed after {} attempts: {}", delivery.id(), delivery.attempts(), outcome.reply());
			store.markFailed(delivery.id(), workerId, outcome.reply());
			metrics.count(DeliveryMetrics.Outcome.FAILED, delivery.category());
			return Duration.ZERO;
		}
		Duration delay = backoff(delivery.attempts());
		log.info("Delivery {} deferred for {}: {}", delivery.id(), delay, outcome.reply());
		store.scheduleRetry(delivery.id(), workerId, outcome.reply(), clock.instant().plus(delay));
		metrics.count(DeliveryMetrics.Outcome.RETRIED, delivery.category());
		return outcome.kind() == SmtpOutcome.Kind.UNREACHABLE ? delay : Duration.ZERO;
	}

	/**
	 * Doubles per attempt, with up to 25% jitter so a recovered server is not hit by all
	 * at once.
	 */
	Duration backoff(int attempts) {
		long base = properties.firstRetryDelay().toMillis() << Math.min(attempts - 1, 16);
		long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
		return Duration.ofMillis(base + jitter);
	}

	private static boolean positive(Duration duration) {
		return !duration.isZero() && !duration.isNegative();
	}

}
