package io.tidings.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.tidings.delivery.DeliveryOutcome;
import io.tidings.delivery.DeliveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells journeys how their mails went. Each outcome is published as a
 * {@link DeliveryOutcome} in the transaction that clears its {@code report_due} flag, so
 * a journey hears of it once even across crashes: if the listener fails, nothing is
 * cleared and the report comes again a little later. Outcomes go in batches, one
 * transaction (one commit) per batch; when a listener fails, the batch is rolled back and
 * reported one at a time, so that only the failing outcome waits.
 */
@Component
public class OutcomeReporter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutcomeReporter.class);

	private static final Duration RETRY_FAILED_REPORT = Duration.ofSeconds(5);

	private final OutcomeStore store;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final DeliveryProperties properties;

	private final DeliveryWakeup wakeup = new DeliveryWakeup();

	private final Clock clock;

	private volatile boolean running;

	private Thread thread;

	OutcomeReporter(OutcomeStore store, ApplicationEventPublisher events, TransactionTemplate transaction,
			DeliveryProperties properties, Clock clock) {
		this.store = store;
		this.events = events;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Reports every outcome that is due now, up to {@code reportBatchSize} per
	 * transaction.
	 * @return how many were reported
	 */
	public int reportDue() {
		int reported = 0;
		while (running || thread == null) {
			Integer batch;
			try {
				batch = transaction.execute(status -> reportBatch());
			}
			catch (RuntimeException ex) {
				// One report failed and took the batch back with it: one at a time, the
				// failing one is found and set aside and the others go through.
				log.debug("A batch of outcome reports failed, reporting them one at a time", ex);
				Singles singles = reportOneAtATime(properties.reportBatchSize());
				reported += singles.reported();
				if (singles.failed()) {
					return reported;
				}
				continue;
			}
			if (batch == null || batch == 0) {
				return reported;
			}
			reported += batch;
		}
		return reported;
	}

	private int reportBatch() {
		List<DeliveryOutcome> due = store.lockDue(properties.reportBatchSize());
		for (DeliveryOutcome outcome : due) {
			publish(outcome);
		}
		store.reported(due.stream().map(DeliveryOutcome::deliveryId).toList());
		return due.size();
	}

	/**
	 * Reports up to {@code limit} outcomes, one transaction each, and stops at the first
	 * that fails (it is postponed).
	 */
	private Singles reportOneAtATime(int limit) {
		int reported = 0;
		while (reported < limit && (running || thread == null)) {
			String[] current = new String[1];
			try {
				Boolean found = transaction.execute(status -> {
					Optional<DeliveryOutcome> next = store.lockNext();
					next.ifPresent(outcome -> {
						current[0] = outcome.deliveryId();
						publish(outcome);
						store.reported(List.of(outcome.deliveryId()));
					});
					return next.isPresent();
				});
				if (!Boolean.TRUE.equals(found)) {
					return new Singles(reported, false);
				}
				reported++;
			}
			catch (RuntimeException ex) {
				log.warn("Could not report the outcome of delivery {}, trying again shortly: {}", current[0],
						ex.getMessage());
				postpone(current[0]);
				return new Singles(reported, true);
			}
		}
		return new Singles(reported, false);
	}

	private record Singles(int reported, boolean failed) {
	}

	private void publish(DeliveryOutcome outcome) {
		try (DeliveryLogContext context = DeliveryLogContext.of(outcome)) {
			log.debug("Reporting delivery {} as {}", outcome.deliveryId(), outcome.status());
			events.publishEvent(outcome);
		}
	}

	/**
	 * Moves an outcome whose report failed behind the others, so it does not block them.
	 */
	private void postpone(String deliveryId) {
		if (deliveryId == null) {
			return;
		}
		try {
			transaction
				.executeWithoutResult(status -> store.postpone(deliveryId, clock.instant().plus(RETRY_FAILED_REPORT)));
		}
		catch (RuntimeException ex) {
			log.debug("Could not postpone the report either", ex);
		}
	}

	void wake() {
		wakeup.signal();
	}

	@Override
	public void start() {
		running = true;
		if (properties.workers() == 0) {
			// Sending is off on this node; the nodes that send report their outcomes.
			return;
		}
		thread = new Thread(this::work, "delivery-outcomes");
		thread.setDaemon(true);
		thread.start();
	}

	private void work() {
		try {
			while (running) {
				long seen = wakeup.generation();
				if (reportDue() == 0 && running) {
					wakeup.awaitAfter(seen, properties.pollInterval());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		running = false;
		wakeup.signal();
		if (thread != null) {
			try {
				thread.join(Duration.ofSeconds(30).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
