package io.tidings.analytics;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The journey statistics rollup (README, "Journey statistics"): per journey, UTC day,
 * version, step and variant, the figures of the mails queued that day, recomputed for the
 * days that changed. Statistics are exact either way: days with changes the rollup has
 * not taken in yet are read from the raw tables.
 *
 * @param enabled whether statistics read the rollup and a job keeps it current; only on
 * PostgreSQL, whose triggers mark the changed days (on H2 statistics always read the raw
 * tables)
 * @param interval how long the job waits between two runs; days changed since the last
 * run are read raw until the next
 * @param maxDaysPerRun the most journey days one run recomputes (the rest wait for the
 * next run), so a backlog, such as every day of the mails stored before the rollup
 * existed, does not hold one run for long
 */
@Validated
@ConfigurationProperties("tidings.analytics.rollup")
public record StatsRollupProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue("1m") Duration interval, @Min(1) @DefaultValue("1000") int maxDaysPerRun) {
}
