package io.tidings.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param fromAddress the sender of every mail; its domain also names the Message-IDs
 * @param workers delivery threads per node, each with one reused SMTP connection (0 turns
 * sending off)
 * @param batchSize rows one worker claims at a time
 * @param pollInterval how often idle workers look for due rows (new rows wake them at
 * once)
 * @param lease how long a claimed row stays with its worker before another may take it
 * over
 * @param maxAttempts attempts before a delivery that keeps failing is given up
 * @param firstRetryDelay the delay after the first temporary failure; it doubles with
 * each attempt
 */
@Validated
@ConfigurationProperties("tidings.delivery")
public record DeliveryProperties(@NotBlank String fromAddress, String fromName, @Min(0) @Max(64) int workers,
		@Min(1) @Max(1000) int batchSize, @NotNull Duration pollInterval, @NotNull Duration lease,
		@Min(1) int maxAttempts, @NotNull Duration firstRetryDelay) {

	public String messageIdDomain() {
		return fromAddress.substring(fromAddress.lastIndexOf('@') + 1);
	}

}
