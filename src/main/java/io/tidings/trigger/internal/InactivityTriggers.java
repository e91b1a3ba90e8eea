package io.tidings.trigger.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tidings.journey.JourneyTrigger;
import io.tidings.journey.Journeys;
import io.tidings.trigger.TriggerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Journeys that start at {@code ContactInactive} and declare {@code tidings.inactiveDays}
 * on their process: a contact with no engagement (open, click, conversion) for that many
 * days, counted from the last one or else from when the contact was created, enters the
 * journey once per quiet spell. Engaging again and going quiet again starts a new spell.
 */
@Component
class InactivityTriggers {

	static final String INACTIVE = "ContactInactive";

	static final String DAYS_PROPERTY = "tidings.inactiveDays";

	private static final Logger log = LoggerFactory.getLogger(InactivityTriggers.class);

	private final Journeys journeys;

	private final NamedParameterJdbcTemplate jdbc;

	private final Firing firing;

	private final TriggerProperties properties;

	InactivityTriggers(Journeys journeys, NamedParameterJdbcTemplate jdbc, Firing firing,
			TriggerProperties properties) {
		this.journeys = journeys;
		this.jdbc = jdbc;
		this.firing = firing;
		this.properties = properties;
	}

	int fireDue(Instant now) {
		int fired = 0;
		for (JourneyTrigger journey : journeys.triggeredBy(INACTIVE)) {
			Integer days = days(journey);
			if (days != null) {
				fired += fire(journey, days, now);
			}
		}
		return fired;
	}

	private int fire(JourneyTrigger journey, int days, Instant now) {
		String triggerKey = INACTIVE + ":" + journey.journeyKey();
		Instant cutoff = now.minus(Duration.ofDays(days));
		int fired = 0;
		String after = "";
		while (true) {
			List<Map<String, Object>> page = jdbc.queryForList("""
					SELECT id, COALESCE(last_engaged_at, created_at) AS quiet_since FROM contacts c
					WHERE id > :after AND COALESCE(last_engaged_at, created_at) < :cutoff
					  AND (address_status IS NULL OR address_status <> 'INVALID')
					  AND NOT EXISTS (SELECT 1 FROM trigger_firings f WHERE f.trigger_key = :trigger
					                  AND f.contact_id = c.id
					                  AND f.fired_at >= COALESCE(c.last_engaged_at, c.created_at))
					ORDER BY id FETCH FIRST :limit ROWS ONLY""",
					new MapSqlParameterSource("after", after).addValue("cutoff", Timestamp.from(cutoff))
						.addValue("trigger", triggerKey)
						.addValue("limit", properties.batchSize()));
			if (page.isEmpty()) {
				return fired;
			}
			for (Map<String, Object> row : page) {
				String contactId = (String) row.get("id");
				Instant quietSince = ((Timestamp) row.get("quiet_since")).toInstant();
				// The spell is named by when it began, so two nodes agree on it.
				if (firing.fire(triggerKey, contactId, String.valueOf(quietSince.toEpochMilli()), List.of(journey),
						Map.of("inactiveSince", quietSince.toString(), "inactiveDays", days), now)) {
					fired++;
				}
				after = contactId;
			}
		}
	}

	private static Integer days(JourneyTrigger journey) {
		String value = journey.property(DAYS_PROPERTY);
		try {
			int days = Integer.parseInt(value == null ? "" : value.strip());
			if (days > 0) {
				return days;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		log.warn("Journey {} starts at {} but its process has no positive {} property ('{}'); it is not started",
				journey.journeyKey(), INACTIVE, DAYS_PROPERTY, value);
		return null;
	}

}
