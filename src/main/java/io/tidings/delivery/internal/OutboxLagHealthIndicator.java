package io.tidings.delivery.internal;

import java.time.Duration;

import io.tidings.delivery.DeliveryHealthProperties;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code outbox} in {@code /actuator/health}: LAGGING when the oldest due mail has waited
 * longer than {@code tidings.delivery.health.max-outbox-lag}. LAGGING answers 200 and is
 * in neither the liveness nor the readiness group: every node reads the same outbox, so a
 * lag that took one node out of a load balancer would take them all out, and fewer
 * senders only makes the lag longer. It is a figure for alerts, not for routing.
 */
@Component("outbox")
class OutboxLagHealthIndicator implements HealthIndicator {

	static final Status LAGGING = new Status("LAGGING", "The oldest due mail has waited longer than allowed");

	private final OutboxBacklog backlog;

	private final Duration maxLag;

	OutboxLagHealthIndicator(OutboxBacklog backlog, DeliveryHealthProperties properties) {
		this.backlog = backlog;
		this.maxLag = properties.maxOutboxLag();
	}

	@Override
	public Health health() {
		OutboxBacklog.Reading reading = backlog.read();
		Health.Builder health = reading.oldestDueAge().compareTo(maxLag) > 0 ? Health.status(LAGGING) : Health.up();
		return health.withDetail("due", reading.due())
			.withDetail("oldestDueSeconds", reading.oldestDueAge().toSeconds())
			.withDetail("pending", reading.pending())
			.withDetail("maxLagSeconds", maxLag.toSeconds())
			.build();
	}

}
