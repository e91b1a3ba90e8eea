package io.tidings.journey.internal;

import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The journey goals the contact reached, with the value of each. Erasure deletes them:
 * the goal figures lose the person's share, as the mail figures do.
 */
@Component
class GoalPersonalData implements PersonalData {

	private final JdbcTemplate jdbc;

	GoalPersonalData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "goals";
	}

	@Override
	public Object export(DataSubject subject) {
		return jdbc.queryForList("""
				SELECT journey_key AS "journeyKey", journey_version AS "journeyVersion",
				       journey_instance_id AS "journeyInstanceId", goal AS "goal", event_name AS "eventName",
				       at_step_id AS "atStep", mail_step_id AS "mailStep", exited AS "exited", goal_value AS "value",
				       currency AS "currency", reached_at AS "reachedAt"
				FROM journey_goals WHERE contact_id = ? ORDER BY reached_at, id""", subject.contactId());
	}

	@Override
	public void erase(DataSubject subject) {
		jdbc.update("DELETE FROM journey_goals WHERE contact_id = ?", subject.contactId());
	}

}
