package io.tidings.delivery;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What {@code /actuator/health} and the metrics say about sending.
 *
 * @param smtpTimeout how long the SMTP check may take to connect and to get each reply
 * @param smtpCheckInterval how long one SMTP check's answer is reused, so frequent health
 * probes do not become a stream of connections to the relay
 * @param maxOutboxLag how long the oldest due, unsent mail may have waited before the
 * outbox reports LAGGING
 * @param backlogRefresh how long one reading of the outbox backlog (one query) is reused
 * by the gauges and the health check
 */
@Validated
@ConfigurationProperties("tidings.delivery.health")
public record DeliveryHealthProperties(@NotNull @DefaultValue("2s") Duration smtpTimeout,
		@NotNull @DefaultValue("30s") Duration smtpCheckInterval, @NotNull @DefaultValue("15m") Duration maxOutboxLag,
		@NotNull @DefaultValue("5s") Duration backlogRefresh) {

}
