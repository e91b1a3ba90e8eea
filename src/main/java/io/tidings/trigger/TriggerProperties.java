package io.tidings.trigger;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled whether this node looks for due triggers (every node may: each firing is
 * recorded once)
 * @param localTime when, in each contact's own time zone, birthday and anniversary
 * journeys start
 * @param defaultTimeZone for contacts without a time zone
 * @param pollInterval how often due triggers are looked for
 * @param inactivityInterval how often inactive contacts are looked for (a full scan)
 * @param batchSize contacts read per query
 */
@Validated
@ConfigurationProperties("tidings.triggers")
public record TriggerProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue("09:00") LocalTime localTime, @NotNull @DefaultValue("UTC") ZoneId defaultTimeZone,
		@NotNull @DefaultValue("1m") Duration pollInterval, @NotNull @DefaultValue("1h") Duration inactivityInterval,
		@Min(1) @Max(10000) @DefaultValue("500") int batchSize) {
}
