package io.tidings.contact.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.contact.AddressState;
import io.tidings.contact.Birthday;
import io.tidings.contact.Contact;
import io.tidings.contact.ContactChange;
import io.tidings.contact.ContactNeedsEmail;
import io.tidings.contact.Contacts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcContacts implements Contacts {

	private final JdbcTemplate jdbc;

	private final JsonAttributes json;

	private final AttributeRows attributeRows;

	private final ContactRows rows;

	private final Clock clock;

	JdbcContacts(JdbcTemplate jdbc, JsonAttributes json, AttributeRows attributeRows, ContactRows rows, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.attributeRows = attributeRows;
		this.rows = rows;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Contact upsert(ContactChange change) {
		return save(change).contact();
	}

	@Override
	@Transactional
	public Saved save(ContactChange change) {
		Instant now = clock.instant();
		Optional<Contact> stored = findForUpdate(change.id());
		if (stored.isEmpty()) {
			if (change.email() == null) {
				throw new ContactNeedsEmail(change.id());
			}
			Contact created = new Contact(change.id(), change.email(), change.firstName(), change.lastName(),
					change.locale(), change.timeZone(), change.birthday(), change.signedUpOn(), change.attributes(),
					now, now, null, null);
			jdbc.update("""
					INSERT INTO contacts (id, email, first_name, last_name, locale, time_zone, birthday_month,
					                      birthday_day, birthday_year, signed_up_on, attributes, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", created.id(), created.email(),
					created.firstName(), created.lastName(), created.locale(), created.timeZone(),
					month(created.birthday()), day(created.birthday()), year(created.birthday()), date(created),
					json.write(created.attributes()), Timestamp.from(now), Timestamp.from(now));
			attributeRows.replace(created.id(), created.attributes(), false);
			return new Saved(created, true);
		}
		Contact merged = merge(stored.get(), change, now);
		jdbc.update("""
				UPDATE contacts SET email = ?, first_name = ?, last_name = ?, locale = ?, time_zone = ?,
				                    birthday_month = ?, birthday_day = ?, birthday_year = ?, signed_up_on = ?,
				                    attributes = ?, updated_at = ?
				WHERE id = ?""", merged.email(), merged.firstName(), merged.lastName(), merged.locale(),
				merged.timeZone(), month(merged.birthday()), day(merged.birthday()), year(merged.birthday()),
				date(merged), json.write(merged.attributes()), Timestamp.from(now), merged.id());
		if (!change.attributes().isEmpty()) {
			attributeRows.replace(merged.id(), merged.attributes(), true);
		}
		if (!merged.email().equals(stored.get().email())) {
			// The old address's check says nothing about the new one.
			recordAddressCheck(merged.id(), AddressState.UNCHECKED);
		}
		return new Saved(merged, false);
	}

	@Override
	public Optional<Contact> find(String id) {
		return jdbc.query("SELECT * FROM contacts WHERE id = ?", rows, id).stream().findFirst();
	}

	@Override
	public Optional<Contact> findForUpdate(String id) {
		return jdbc.query("SELECT * FROM contacts WHERE id = ? FOR UPDATE", rows, id).stream().findFirst();
	}

	@Override
	public List<Contact> page(int page, int size) {
		return jdbc.query("SELECT * FROM contacts ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", rows,
				(long) page * size, size);
	}

	@Override
	public long count() {
		return jdbc.queryForObject("SELECT count(*) FROM contacts", Long.class);
	}

	@Override
	public void recordAddressCheck(String id, AddressState state) {
		jdbc.update("UPDATE contacts SET address_status = ?, address_reason = ?, address_checked_at = ? WHERE id = ?",
				state.status(), state.reason(), state.checkedAt() == null ? null : Timestamp.from(state.checkedAt()),
				id);
	}

	@Override
	public void recordEngagement(String id, Instant at) {
		jdbc.update("""
				UPDATE contacts SET last_engaged_at = ?
				WHERE id = ? AND (last_engaged_at IS NULL OR last_engaged_at < ?)""", Timestamp.from(at), id,
				Timestamp.from(at));
	}

	private static Contact merge(Contact stored, ContactChange change, Instant now) {
		Map<String, Object> attributes = new LinkedHashMap<>(stored.attributes());
		change.attributes().forEach((key, value) -> {
			if (value == null) {
				attributes.remove(key);
			}
			else {
				attributes.put(key, value);
			}
		});
		boolean addressChanged = change.email() != null && !change.email().equals(stored.email());
		return new Contact(stored.id(), pick(change.email(), stored.email()),
				pick(change.firstName(), stored.firstName()), pick(change.lastName(), stored.lastName()),
				pick(change.locale(), stored.locale()), pick(change.timeZone(), stored.timeZone()),
				pick(change.birthday(), stored.birthday()), pick(change.signedUpOn(), stored.signedUpOn()), attributes,
				stored.createdAt(), now, stored.lastEngagedAt(),
				addressChanged ? AddressState.UNCHECKED : stored.address());
	}

	private static <T> T pick(T changed, T stored) {
		return changed != null ? changed : stored;
	}

	private static Integer month(Birthday birthday) {
		return birthday == null ? null : birthday.month();
	}

	private static Integer day(Birthday birthday) {
		return birthday == null ? null : birthday.day();
	}

	private static Integer year(Birthday birthday) {
		return birthday == null ? null : birthday.year();
	}

	private static Date date(Contact contact) {
		return contact.signedUpOn() == null ? null : Date.valueOf(contact.signedUpOn());
	}

}
