package io.tidings.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.tidings.delivery.DeliveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The threads that take due outbox rows in batches and put them on the wire, each over
 * its own reused SMTP connection; what happens to each row is {@link DeliveryAttempt}'s
 * part. A worker renews its batch's lease as it goes, never sends a row it no longer
 * holds, hands the rest back when the server cannot be reached or the node stops, and
 * outlives any failure of the database.
 */
@Component
class DeliveryWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

	private static final long IDLE_CONNECTION_NANOS = Duration.ofSeconds(30).toNanos();

	/**
	 * How old the suppression and consent answers for a batch may get before the rest of
	 * the batch is checked again: an unsubscribe is honoured for mail that goes out more
	 * than this after it.
	 */
	static final Duration CHECKS_VALID_FOR = Duration.ofSeconds(1);

	private final SendPolicy policy;

	private final DeliveryStore store;

	private final DeliveryAttempt attempt;

	private final JavaMailSenderImpl mailSettings;

	private final DeliveryProperties properties;

	private final DeliveryWakeup wakeup;

	private final OutcomeReporter reporter;

	private final Clock clock;

	private final String nodeId = UUID.randomUUID().toString().substring(0, 8);

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	DeliveryWorkers(DeliveryStore store, DeliveryAttempt attempt, SendPolicy policy, JavaMailSenderImpl mailSettings,
			DeliveryProperties properties, DeliveryWakeup wakeup, OutcomeReporter reporter, Clock clock) {
		this.store = store;
		this.policy = policy;
		this.attempt = attempt;
		this.mailSettings = mailSettings;
		this.properties = properties;
		this.wakeup = wakeup;
		this.reporter = reporter;
		this.clock = clock;
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < properties.workers(); i++) {
			String workerId = nodeId + "-" + i;
			Thread thread = new Thread(() -> work(workerId), "delivery-" + i);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
	}

	@Override
	public void stop() {
		running = false;
		wakeup.signal();
		for (Thread thread : threads) {
			try {
				thread.join(Duration.ofSeconds(30).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void work(String workerId) {
		try (SmtpConnection connection = new SmtpConnection(mailSettings)) {
			while (running) {
				long seen = wakeup.generation();
				int handled;
				try {
					handled = runOnce(workerId, connection);
				}
				catch (RuntimeException ex) {
					// The database went away (a restart, a failover): the rows' leases
					// bring
					// them back, and this thread must live to send them.
					log.warn("Delivery worker {} hit a failure, going on shortly: {}", workerId, ex.getMessage());
					handled = 0;
				}
				if (handled == 0 && running) {
					connection.closeIfIdleFor(IDLE_CONNECTION_NANOS);
					wakeup.awaitAfter(seen, properties.pollInterval());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Claims one batch and delivers it; returns how many rows it handled. */
	int runOnce(String workerId, SmtpConnection connection) throws InterruptedException {
		List<ClaimedDelivery> batch;
		try {
			batch = store.claim(workerId, properties.batchSize(), properties.lease());
		}
		catch (RuntimeException ex) {
			log.warn("Could not claim deliveries, trying again shortly: {}", ex.getMessage());
			Thread.sleep(properties.pollInterval().toMillis());
			return 0;
		}
		Instant renewed = clock.instant();
		Set<String> held = null;
		SendPolicy.Checks checks = null;
		for (int i = 0; i < batch.size(); i++) {
			ClaimedDelivery delivery = batch.get(i);
			// A slow relay can make a batch outlive its lease; another worker may then
			// take the rest. Renew in time, and never send a row this worker no longer
			// holds.
			if (Duration.between(renewed, clock.instant()).compareTo(properties.lease().dividedBy(4)) > 0) {
				renewed = clock.instant();
				held = store.renew(ids(batch.subList(i, batch.size())), workerId, renewed.plus(properties.lease()));
			}
			if (held != null && !held.contains(delivery.id())) {
				continue;
			}
			Duration pause = Duration.ZERO;
			if (running) {
				if (checks == null || checks.askedBefore(clock.instant().minus(CHECKS_VALID_FOR))) {
					checks = policy.check(batch.subList(i, batch.size()));
				}
				try (DeliveryLogContext context = DeliveryLogContext.of(delivery)) {
					pause = attempt.handle(workerId, connection, delivery, checks);
				}
			}
			if (!running || positive(pause)) {
				// Shutting down, or the server is unreachable: hand the rest back now,
				// not when their lease ends.
				store.release(ids(batch.subList(running ? i + 1 : i, batch.size())), workerId,
						clock.instant().plus(pause));
				break;
			}
		}
		if (!batch.isEmpty()) {
			reporter.wake();
		}
		return batch.size();
	}

	private static List<String> ids(List<ClaimedDelivery> deliveries) {
		return deliveries.stream().map(ClaimedDelivery::id).toList();
	}

	private static boolean positive(Duration duration) {
		return !duration.isZero() && !duration.isNegative();
	}

}
