package io.tidings.sendtime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the best send time is learnt.
 *
 * @param enabled read opens and clicks from the {@code engagements} table; off, every
 * contact gets the default time (the table comes with engagement tracking)
 * @param halfLife how fast an engagement loses weight: one this old counts half
 * @param lookback engagements older than this are not read at all
 * @param minWeight how much (decayed) engagement a contact needs before their own pattern
 * outweighs the audience's; below it the two are blended by evidence
 * @param defaultDay with {@code defaultTime}: the local time chosen when neither the
 * contact nor the audience has engaged enough
 * @param defaultTime the local hour of the default
 * @param defaultZone for contacts without a (valid) time zone
 * @param sendNowWithin a best time closer than this is not worth a timer: send now
 * @param audienceRefresh how long the audience's pattern is reused before it is read
 * again (reading it scans every engagement of the lookback)
 */
@Validated
@ConfigurationProperties("tidings.send-time")
public record SendTimeProperties(@DefaultValue("false") boolean enabled,
		@NotNull @DurationMin(hours = 1) @DefaultValue("90d") Duration halfLife,
		@NotNull @DurationMin(days = 1) @DefaultValue("365d") Duration lookback,
		@DecimalMin(value = "0", inclusive = false) @DefaultValue("2") double minWeight,
		@NotNull @DefaultValue("TUESDAY") DayOfWeek defaultDay, @NotNull @DefaultValue("10:00") LocalTime defaultTime,
		@NotNull @DefaultValue("UTC") ZoneId defaultZone, @NotNull @DefaultValue("5m") Duration sendNowWithin,
		@NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration audienceRefresh) {

	/** The defaults, for the model outside Spring (tests, the simulation). */
	public static SendTimeProperties defaults() {
		return new SendTimeProperties(false, Duration.ofDays(90), Duration.ofDays(365), 2, DayOfWeek.TUESDAY,
				LocalTime.of(10, 0), ZoneId.of("UTC"), Duration.ofMinutes(5), Duration.ofHours(1));
	}

}
