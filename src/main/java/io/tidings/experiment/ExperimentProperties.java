package io.tidings.experiment;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param confidence the confidence at which a difference to the control counts as
 * significant, in results and for auto-winners
 * @param evaluationInterval how often experiments with an auto-winner are looked at
 * @param engagementOutcomes whether results are read from the engagement tables
 * (engagements, conversions); off until those tables exist
 */
@Validated
@ConfigurationProperties("tidings.experiments")
public record ExperimentProperties(@DecimalMin("0.5") @DecimalMax("0.9999") @DefaultValue("0.95") double confidence,
		@NotNull @DefaultValue("5m") Duration evaluationInterval, @DefaultValue("false") boolean engagementOutcomes) {
}
