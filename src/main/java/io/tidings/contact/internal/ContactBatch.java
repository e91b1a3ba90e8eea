package io.tidings.contact.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.tidings.contact.Birthday;
import io.tidings.contact.ContactChange;
import io.tidings.contact.ImportConsentRecorder.ImportedContact;
import io.tidings.contact.ImportRejection;
import io.tidings.contact.internal.ImportRows.Checked;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of import rows with a few JDBC batch statements, giving each contact the
 * state that {@link JdbcContacts#upsert} row after row would: fields merged, attributes
 * merged key by key, attribute rows kept in step, a new contact only with an address. The
 * caller's transaction holds the batch together.
 */
@Component
class ContactBatch {

	private final JdbcTemplate jdbc;

	private final JsonAttributes json;

	private final Clock clock;

	private final JdbcErasedAddresses erasedAddresses;

	private static final int[] CONTACT_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.SMALLINT, Types.SMALLINT, Types.SMALLINT, Types.DATE, Types.VARCHAR, Types.TIMESTAMP };

	private static final int[] ATTRIBUTE_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL,
			Types.BOOLEAN, Types.DATE };

	ContactBatch(JdbcTemplate jdbc, JsonAttributes json, Clock clock, JdbcErasedAddresses erasedAddresses) {
		this.jdbc = jdbc;
		this.erasedAddresses = erasedAddresses;
		this.json = json;
		this.clock = clock;
	}

	record Written(int created, int updated, List<ImportRejection> rejections, List<ImportedContact> contacts) {
	}

	Written write(List<Checked> rows, String emailColumn) {
		Map<String, ContactDraft> drafts = ContactDraft.lockStored(jdbc, json, rows);
		Set<String> erased = erasedAddresses
			.erasedAmong(rows.stream().map(row -> row.change().email()).filter(Objects::nonNull).toList());
		List<ImportRejection> rejections = new ArrayList<>();
		Map<String, ContactDraft> accepted = new LinkedHashMap<>();
		int created = 0;
		int updated = 0;
		for (Checked row : rows) {
			ContactChange change = row.change();
			ContactDraft draft = drafts.get(change.id());
			if (change.email() != null && erased.contains(change.email()) && !alreadyHas(draft, change.email())) {
				rejections.add(new ImportRejection(row.row(), row.line(), change.id(), emailColumn,
						emailColumn + " was erased on request and is not imported again"));
			}
			else if (draft != null) {
				draft.merge(change);
				accepted.put(draft.id, draft);
				updated++;
			}
			else if (change.email() == null) {
				rejections.add(new ImportRejection(row.row(), row.line(), change.id(), emailColumn,
						emailColumn + " is required for a new contact"));
			}
			else {
				ContactDraft fresh = ContactDraft.created(change);
				drafts.put(change.id(), fresh);
				accepted.put(fresh.id, fresh);
				created++;
			}
		}
		save(drafts.values());
		return new Written(created, updated, rejections,
				accepted.values().stream().map(draft -> new ImportedContact(draft.id, draft.email)).toList());
	}

	/**
	 * A person who came back after an erasure (through the API) may be imported with the
	 * address they gave again.
	 */
	private static boolean alreadyHas(ContactDraft draft, String email) {
		return draft != null && draft.email != null && draft.email.strip().equalsIgnoreCase(email.strip());
	}

	private void save(Iterable<ContactDraft> drafts) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> addressResets = new ArrayList<>();
		List<Object[]> attributeDeletes = new ArrayList<>();
		List<Object[]> attributeInserts = new ArrayList<>();
		for (ContactDraft draft : drafts) {
			if (!draft.touched()) {
				continue;
			}
			Birthday birthday = draft.birthday;
			Object[] values = { draft.email, draft.firstName, draft.lastName, draft.locale, draft.timeZone,
					birthday == null ? null : birthday.month(), birthday == null ? null : birthday.day(),
					birthday == null ? null : birthday.year(),
					draft.signedUpOn == null ? null : Date.valueOf(draft.signedUpOn), json.write(draft.attributes),
					now };
			if (draft.stored()) {
				updates.add(append(values, draft.id));
				if (draft.emailChanged()) {
					addressResets.add(new Object[] { draft.id });
				}
				if (draft.attributesChanged) {
					attributeDeletes.add(new Object[] { draft.id });
				}
			}
			else {
				inserts.add(append(values, now, draft.id));
			}
			if (!draft.stored() || draft.attributesChanged) {
				draft.attributes.forEach((name, value) -> {
					Object[] row = AttributeRows.row(draft.id, name, value);
					if (row != null) {
						attributeInserts.add(row);
					}
				});
			}
		}
		batch("""
				INSERT INTO contacts (email, first_name, last_name, locale, time_zone, birthday_month, birthday_day,
				                      birthday_year, signed_up_on, attributes, updated_at, created_at, id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts, CONTACT_TYPES, Types.TIMESTAMP,
				Types.VARCHAR);
		batch("""
				UPDATE contacts SET email = ?, first_name = ?, last_name = ?, locale = ?, time_zone = ?,
				                    birthday_month = ?, birthday_day = ?, birthday_year = ?, signed_up_on = ?,
				                    attributes = ?, updated_at = ?
				WHERE id = ?""", updates, CONTACT_TYPES, Types.VARCHAR);
		// The documented promise of Contacts.upsert: a new address forgets the last check
		// of the old one, so the next event checks it afresh.
		batch("""
				UPDATE contacts SET address_status = NULL, address_reason = NULL, address_checked_at = NULL
				WHERE id = ?""", addressResets, new int[0], Types.VARCHAR);
		batch("DELETE FROM contact_attributes WHERE contact_id = ?", attributeDeletes, new int[0], Types.VARCHAR);
		batch("""
				INSERT INTO contact_attributes (contact_id, name, text_value, number_value, boolean_value, date_value)
				VALUES (?, ?, ?, ?, ?, ?)""", attributeInserts, ATTRIBUTE_TYPES);
	}

	/**
	 * Runs one statement for all rows. The SQL types are given because without them
	 * Spring asks the driver for each null's type, a round trip per null on PostgreSQL.
	 */
	private void batch(String sql, List<Object[]> rows, int[] types, int... moreTypes) {
		if (!rows.isEmpty()) {
			int[] all = Arrays.copyOf(types, types.length + moreTypes.length);
			System.arraycopy(moreTypes, 0, all, types.length, moreTypes.length);
			jdbc.batchUpdate(sql, rows, all);
		}
	}

	private static Object[] append(Object[] values, Object... more) {
		Object[] all = new Object[values.length + more.length];
		System.arraycopy(values, 0, all, 0, values.length);
		System.arraycopy(more, 0, all, values.length, more.length);
		return all;
	}

}
