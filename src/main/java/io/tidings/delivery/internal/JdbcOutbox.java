package io.tidings.delivery.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import io.tidings.consent.ContactUnsubscribed;
import io.tidings.delivery.DeliveryProperties;
import io.tidings.delivery.MailTracking;
import io.tidings.delivery.MailTracking.TrackedBodies;
import io.tidings.delivery.Outbox;
import io.tidings.delivery.OutgoingEmail;
import io.tidings.delivery.QueuedDelivery;
import io.tidings.delivery.SendingStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class JdbcOutbox implements Outbox {

	private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);

	private static final SendingStep NO_STEP = new SendingStep(null, null, null, null, null);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final DeliveryProperties properties;

	private final DeliveryWakeup wakeup;

	private final ObjectProvider<MailTracking> tracking;

	private final DeliveryMetrics metrics;

	JdbcOutbox(JdbcTemplate jdbc, Clock clock, DeliveryProperties properties, DeliveryWakeup wakeup,
			ObjectProvider<MailTracking> tracking, DeliveryMetrics metrics) {
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.wakeup = wakeup;
		this.tracking = tracking;
	}

	@Override
	public QueuedDelivery enqueue(OutgoingEmail email) {
		var existing = jdbc.query("SELECT id, message_id FROM deliveries WHERE dedupe_key = ?",
				(rs, row) -> new QueuedDelivery(rs.getString("id"), rs.getString("message_id"), false),
				email.dedupeKey());
		if (!existing.isEmpty()) {
			return existing.get(0);
		}
		// A concurrent insert of the same key fails on the unique constraint; the
		// caller's
		// job is then retried and finds the row above.
		String id = UUID.randomUUID().toString();
		String messageId = "<" + id + "@" + properties.messageIdDomain() + ">";
		Timestamp now = Timestamp.from(clock.instant());
		SendingStep step = email.step() != null ? email.step() : NO_STEP;
		MailTracking tracker = tracking.getIfAvailable();
		TrackedBodies bodies = tracker != null ? tracker.instrument(id, email)
				: new TrackedBodies(email.html(), email.text());
		jdbc.update(
				"""
						INSERT INTO deliveries (id, dedupe_key, message_id, contact_id, journey_key, journey_instance_id,
						    execution_id, activity_instance_id, step_id, template_key, category, topic, recipient, recipient_name,
						    recipient_time_zone, subject, html_body, text_body, unsubscribe_url, variant, journey_version,
						    status, attempts, next_attempt_at, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""",
				id, email.dedupeKey(), messageId, email.contactId(), step.journeyKey(), step.instanceId(),
				step.executionId(), step.activityInstanceId(), step.stepId(), email.templateKey(),
				email.category().name(), email.topic(), email.recipient(), email.recipientName(),
				email.recipientTimeZone(), email.subject(), bodies.html(), bodies.text(), email.unsubscribeUrl(),
				email.variant(), step.journeyVersion(), now, now);
		wakeWorkersAfterCommit();
		metrics.queuedAfterCommit(email.category());
		log.debug("Delivery {} queued", id);
		return new QueuedDelivery(id, messageId, true);
	}

	@Override
	public boolean withdraw(String journeyInstanceId, String activityInstanceId, String reason) {
		return jdbc.update("""
				UPDATE deliveries SET status = 'CANCELLED', status_reason = ?, claimed_by = NULL
				WHERE journey_instance_id = ? AND activity_instance_id = ? AND status IN ('QUEUED', 'DEFERRED')""",
				reason, journeyInstanceId, activityInstanceId) > 0;
	}

	/**
	 * The contact unsubscribed: its marketing mail of the topic (or all of it) that no
	 * worker has taken yet is withdrawn in the same transaction.
	 */
	@EventListener
	void on(ContactUnsubscribed unsubscribed) {
		// Reported, so a step of a journey that goes on (a transactional one) is not left
		// waiting.
		jdbc.update("""
				UPDATE deliveries SET status = 'CANCELLED', status_reason = 'contact unsubscribed', report_due = TRUE,
				                      next_attempt_at = ?
				WHERE contact_id = ? AND category = 'MARKETING' AND status IN ('QUEUED', 'DEFERRED')
				  AND (CAST(? AS VARCHAR(64)) IS NULL OR topic = ?)""", Timestamp.from(clock.instant()),
				unsubscribed.contactId(), unsubscribed.topic(), unsubscribed.topic());
	}

	private void wakeWorkersAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wakeup.signal();
				}
			});
		}
		else {
			wakeup.signal();
		}
	}

}
