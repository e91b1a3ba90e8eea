package io.tidings.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.tidings.consent.EmailCategory;
import io.tidings.delivery.Deliveries;
import io.tidings.delivery.DeliveryNotRetryable;
import io.tidings.delivery.DeliveryRequeued;
import io.tidings.delivery.DeliveryStatus;
import io.tidings.delivery.DeliveryView;
import io.tidings.delivery.SendingStep;
import io.tidings.delivery.UnknownDelivery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class JdbcDeliveries implements Deliveries {

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final DeliveryWakeup wakeup;

	private final Clock clock;

	JdbcDeliveries(JdbcTemplate jdbc, ApplicationEventPublisher events, DeliveryWakeup wakeup, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.wakeup = wakeup;
		this.clock = clock;
	}

	@Override
	public Optional<DeliveryView> find(String id) {
		return jdbc.query("SELECT * FROM deliveries WHERE id = ?", JdbcDeliveries::view, id).stream().findFirst();
	}

	@Override
	@Transactional
	public DeliveryView retry(String id) {
		var rows = jdbc.query("SELECT * FROM deliveries WHERE id = ? FOR UPDATE", (rs, row) -> rs.getString("status"),
				id);
		if (rows.isEmpty()) {
			throw new UnknownDelivery(id);
		}
		DeliveryStatus status = DeliveryStatus.valueOf(rows.get(0));
		if (status != DeliveryStatus.FAILED) {
			throw new DeliveryNotRetryable(id, status);
		}
		jdbc.update("""
				UPDATE deliveries SET status = 'QUEUED', attempts = 0, report_due = FALSE, next_attempt_at = ?,
				                      status_reason = 'retried by an operator'
				WHERE id = ?""", Timestamp.from(clock.instant()), id);
		SendingStep step = jdbc.queryForObject("SELECT * FROM deliveries WHERE id = ?",
				(rs, row) -> new SendingStep(rs.getString("journey_key"), rs.getString("journey_instance_id"),
						rs.getString("execution_id"), rs.getString("activity_instance_id"), rs.getString("step_id")),
				id);
		events.publishEvent(new DeliveryRequeued(id, step));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				wakeup.signal();
			}
		});
		return find(id).orElseThrow();
	}

	private static DeliveryView view(ResultSet rs, int row) throws SQLException {
		return new DeliveryView(rs.getString("id"), rs.getString("message_id"), rs.getString("contact_id"),
				rs.getString("journey_key"), rs.getString("journey_instance_id"), rs.getString("step_id"),
				rs.getString("template_key"), EmailCategory.valueOf(rs.getString("category")),
				rs.getString("recipient"), rs.getString("subject"), DeliveryStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
				rs.getString("smtp_reply"), rs.getString("last_error"), instant(rs, "created_at"),
				instant(rs, "sent_at"), instant(rs, "bounced_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
