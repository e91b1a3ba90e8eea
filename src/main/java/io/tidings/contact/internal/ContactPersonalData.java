package io.tidings.contact.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidings.contact.Contacts;
import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contact itself, its attribute rows, and the import rows that named it. Erased
 * first: deleting the contact's row locks it, so an event for the same contact waits
 * until the erasure is over (and then creates a new contact) instead of starting a
 * journey the erasure no longer sees.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContactPersonalData implements PersonalData {

	private final Contacts contacts;

	private final JdbcTemplate jdbc;

	ContactPersonalData(Contacts contacts, JdbcTemplate jdbc) {
		this.contacts = contacts;
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "contact";
	}

	@Override
	public Set<String> addressesOf(String contactId) {
		return Set.copyOf(jdbc.queryForList("SELECT email FROM contacts WHERE id = ?", String.class, contactId));
	}

	@Override
	public Object export(DataSubject subject) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("fields", contacts.find(subject.contactId()).orElse(null));
		section.put("importRejections", importRejections(subject.contactId()));
		return section;
	}

	@Override
	public void erase(DataSubject subject) {
		jdbc.update("DELETE FROM contacts WHERE id = ?", subject.contactId());
		jdbc.update("DELETE FROM contact_attributes WHERE contact_id = ?", subject.contactId());
		jdbc.update("DELETE FROM contact_import_rejections WHERE contact_id = ?", subject.contactId());
	}

	private List<Map<String, Object>> importRejections(String contactId) {
		return jdbc.queryForList("""
				SELECT r.import_id AS "importId", i.started_at AS "importedAt", r.row_no AS "row", r.line_no AS "line",
				       r.column_names AS "columns", r.reason AS "reason"
				FROM contact_import_rejections r JOIN contact_imports i ON i.id = r.import_id
				WHERE r.contact_id = ? ORDER BY i.started_at, r.row_no""", contactId);
	}

}
