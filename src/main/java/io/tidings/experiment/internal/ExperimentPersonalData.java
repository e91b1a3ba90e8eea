package io.tidings.experiment.internal;

import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The variants the contact was assigned in A/B tests. */
@Component
class ExperimentPersonalData implements PersonalData {

	private final JdbcTemplate jdbc;

	ExperimentPersonalData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "experiments";
	}

	@Override
	public Object export(DataSubject subject) {
		return jdbc.queryForList("""
				SELECT experiment_id AS "experiment", variant AS "variant", assigned_at AS "assignedAt"
				FROM experiment_assignments WHERE contact_id = ? ORDER BY assigned_at, experiment_id""",
				subject.contactId());
	}

	@Override
	public void erase(DataSubject subject) {
		jdbc.update("DELETE FROM experiment_assignments WHERE contact_id = ?", subject.contactId());
	}

}
