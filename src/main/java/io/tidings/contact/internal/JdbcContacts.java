package io.tidings.contact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

	private final Clock clock;

	JdbcContacts(JdbcTemplate jdbc, JsonAttributes json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Contact upsert(ContactChange change) {
		Instant now = clock.instant();
		Optional<Contact> stored = findForUpdate(change.id());
		if (stored.isEmpty()) {
			if (change.email() == null) {
				throw new ContactNeedsEmail(change.id());
			}
			Contact created = new Contact(change.id(), change.email(), change.firstName(), change.lastName(),
					change.locale(), change.timeZone(), change.attributes(), now, now);
			jdbc.update("""
					INSERT INTO contacts (id, email, first_name, last_name, locale, time_zone, attributes,
					                      created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", created.id(), created.email(), created.firstName(),
					created.lastName(), created.locale(), created.timeZone(), json.write(created.attributes()),
					Timestamp.from(now), Timestamp.from(now));
			return created;
		}
		Contact merged = merge(stored.get(), change, now);
		jdbc.update("""
				UPDATE contacts SET email = ?, first_name = ?, last_name = ?, locale = ?, time_zone = ?,
				                    attributes = ?, updated_at = ?
				WHERE id = ?""", merged.email(), merged.firstName(), merged.lastName(), merged.locale(),
				merged.timeZone(), json.write(merged.attributes()), Timestamp.from(now), merged.id());
		return merged;
	}

	@Override
	public Optional<Contact> find(String id) {
		return jdbc.query("SELECT * FROM contacts WHERE id = ?", this::map, id).stream().findFirst();
	}

	private Optional<Contact> findForUpdate(String id) {
		return jdbc.query("SELECT * FROM contacts WHERE id = ? FOR UPDATE", this::map, id).stream().findFirst();
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
		return new Contact(stored.id(), pick(change.email(), stored.email()),
				pick(change.firstName(), stored.firstName()), pick(change.lastName(), stored.lastName()),
				pick(change.locale(), stored.locale()), pick(change.timeZone(), stored.timeZone()), attributes,
				stored.createdAt(), now);
	}

	private static String pick(String changed, String stored) {
		return changed != null ? changed : stored;
	}

	private Contact map(ResultSet rs, int row) throws SQLException {
		return new Contact(rs.getString("id"), rs.getString("email"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("locale"), rs.getString("time_zone"),
				json.read(rs.getString("attributes")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
