package io.tidings.tracking.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contact's opens and clicks (with IP address and user agent), the links of the mails
 * made for them, and their conversions. Erasure deletes them all: analytics loses the
 * person's share of the figures, as it does with their deliveries.
 */
@Component
class TrackingPersonalData implements PersonalData {

	private final JdbcTemplate jdbc;

	TrackingPersonalData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "tracking";
	}

	@Override
	public Object export(DataSubject subject) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("opens", jdbc.queryForList("""
				SELECT delivery_id AS "deliveryId", open_count AS "opens", first_opened_at AS "firstOpenedAt",
				       last_opened_at AS "lastOpenedAt", human_open_count AS "humanOpens",
				       first_human_open_at AS "firstHumanOpenAt"
				FROM delivery_opens WHERE contact_id = ? ORDER BY created_at, delivery_id""", subject.contactId()));
		section.put("links", jdbc.queryForList("""
				SELECT delivery_id AS "deliveryId", url AS "url" FROM tracked_links
				WHERE contact_id = ? ORDER BY created_at, delivery_id, url""", subject.contactId()));
		section.put("engagements", jdbc.queryForList("""
				SELECT delivery_id AS "deliveryId", journey_key AS "journeyKey", step_id AS "stepId", kind AS "kind",
				       machine AS "machine", url AS "url", ip AS "ip", user_agent AS "userAgent",
				       occurred_at AS "occurredAt"
				FROM engagements WHERE contact_id = ? ORDER BY occurred_at, id""", subject.contactId()));
		section.put("conversions", jdbc.queryForList("""
				SELECT event_id AS "eventId", event_name AS "eventName", revenue AS "revenue", currency AS "currency",
				       delivery_id AS "deliveryId", journey_key AS "journeyKey", step_id AS "stepId",
				       occurred_at AS "occurredAt"
				FROM conversions WHERE contact_id = ? ORDER BY occurred_at, id""", subject.contactId()));
		return section;
	}

	@Override
	public void erase(DataSubject subject) {
		for (String table : new String[] { "engagements", "conversions", "tracked_links", "delivery_opens" }) {
			jdbc.update("DELETE FROM " + table + " WHERE contact_id = ?", subject.contactId());
		}
	}

}
