package io.tidings.contact.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.tidings.contact.Birthday;
import io.tidings.contact.ContactChange;
import io.tidings.contact.internal.ImportRows.Checked;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A contact as an import batch leaves it, built up change by change with the merge rules
 * of {@link JdbcContacts#upsert}: a field given replaces the stored one, a field left out
 * keeps it, attributes merge key by key.
 */
final class ContactDraft {

	final String id;

	String email;

	String firstName;

	String lastName;

	String locale;

	String timeZone;

	Birthday birthday;

	LocalDate signedUpOn;

	final Map<String, Object> attributes;

	boolean attributesChanged;

	private final String storedEmail;

	private boolean touched;

	private ContactDraft(String id, String storedEmail, Map<String, Object> attributes) {
		this.id = id;
		this.storedEmail = storedEmail;
		this.attributes = attributes;
	}

	/** A contact the batch creates. */
	static ContactDraft created(ContactChange change) {
		ContactDraft draft = new ContactDraft(change.id(), null, new LinkedHashMap<>());
		draft.merge(change);
		return draft;
	}

	/**
	 * The stored contacts the batch names, locked until the caller's transaction ends.
	 * Ids go in sorted, so two imports lock shared contacts in the same order.
	 */
	static Map<String, ContactDraft> lockStored(JdbcTemplate jdbc, JsonAttributes json, List<Checked> rows) {
		TreeSet<String> ids = new TreeSet<>();
		rows.forEach(row -> ids.add(row.change().id()));
		Map<String, ContactDraft> drafts = new HashMap<>();
		// One array parameter rather than an IN list of a thousand: PostgreSQL's cached
		// plan
		// then probes the primary key instead of scanning the table for every batch.
		jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					SELECT id, email, first_name, last_name, locale, time_zone, birthday_month, birthday_day,
					       birthday_year, signed_up_on, attributes
					FROM contacts WHERE id = ANY(?) ORDER BY id FOR UPDATE""");
			statement.setArray(1, connection.createArrayOf("VARCHAR", ids.toArray()));
			return statement;
		}, (RowCallbackHandler) rs -> {
			ContactDraft draft = new ContactDraft(rs.getString("id"), rs.getString("email"),
					json.read(rs.getString("attributes")));
			draft.email = draft.storedEmail;
			draft.firstName = rs.getString("first_name");
			draft.lastName = rs.getString("last_name");
			draft.locale = rs.getString("locale");
			draft.timeZone = rs.getString("time_zone");
			int month = rs.getInt("birthday_month");
			draft.birthday = rs.wasNull() ? null
					: new Birthday(month, rs.getInt("birthday_day"), rs.getObject("birthday_year", Integer.class));
			Date signedUp = rs.getDate("signed_up_on");
			draft.signedUpOn = signedUp == null ? null : signedUp.toLocalDate();
			drafts.put(draft.id, draft);
		});
		return drafts;
	}

	void merge(ContactChange change) {
		touched = true;
		email = pick(change.email(), email);
		firstName = pick(change.firstName(), firstName);
		lastName = pick(change.lastName(), lastName);
		locale = pick(change.locale(), locale);
		timeZone = pick(change.timeZone(), timeZone);
		birthday = pick(change.birthday(), birthday);
		signedUpOn = pick(change.signedUpOn(), signedUpOn);
		if (!change.attributes().isEmpty()) {
			attributesChanged = true;
			change.attributes().forEach((key, value) -> {
				if (value == null) {
					attributes.remove(key);
				}
				else {
					attributes.put(key, value);
				}
			});
		}
	}

	boolean stored() {
		return storedEmail != null;
	}

	boolean touched() {
		return touched;
	}

	boolean emailChanged() {
		return stored() && !Objects.equals(email, storedEmail);
	}

	private static <T> T pick(T changed, T stored) {
		return changed != null ? changed : stored;
	}

}
