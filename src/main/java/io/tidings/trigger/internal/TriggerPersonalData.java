package io.tidings.trigger.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When birthday, anniversary and inactivity triggers fired for the contact, and the
 * watched segments it is in.
 */
@Component
class TriggerPersonalData implements PersonalData {

	private final JdbcTemplate jdbc;

	TriggerPersonalData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "triggers";
	}

	@Override
	public Object export(DataSubject subject) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("firings", jdbc.queryForList("""
				SELECT trigger_key AS "trigger", period AS "period", fired_at AS "firedAt"
				FROM trigger_firings WHERE contact_id = ? ORDER BY fired_at, trigger_key""", subject.contactId()));
		section.put("segmentMemberships", jdbc.queryForList("""
				SELECT segment_key AS "segment", entered_at AS "enteredAt", seen_at AS "seenAt"
				FROM segment_memberships WHERE contact_id = ? ORDER BY entered_at, segment_key""",
				subject.contactId()));
		return section;
	}

	@Override
	public void erase(DataSubject subject) {
		jdbc.update("DELETE FROM trigger_firings WHERE contact_id = ?", subject.contactId());
		jdbc.update("DELETE FROM segment_memberships WHERE contact_id = ?", subject.contactId());
	}

}
