package io.tidings.consent.internal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.tidings.consent.Topics;
import io.tidings.contact.ErasedAddresses;
import io.tidings.contact.ImportConsent;
import io.tidings.contact.ImportConsentRecorder;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Consent that came with an imported file. A list is not the person's own act, so it only
 * fills a topic the contact never decided on: a contact who unsubscribed (from the topic
 * or from all marketing), complained, bounced hard or has a double opt-in waiting keeps
 * that state, and is counted as kept. One set of queries per batch.
 *
 * <p>
 * The subscription is only written where no state is stored, as an insert: when the
 * contact unsubscribes at the same moment, one of the two inserts fails, its transaction
 * is tried again and then sees the other's state, so a withdrawal is never overwritten.
 */
@Component
class ImportedConsent implements ImportConsentRecorder {

	static final String SOURCE = "IMPORT";

	static final int MAX_SOURCE = 200;

	private final Topics topics;

	private final ErasedAddresses erasedAddresses;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ImportedConsent(Topics topics, ErasedAddresses erasedAddresses, JdbcTemplate jdbc, Clock clock) {
		this.topics = topics;
		this.erasedAddresses = erasedAddresses;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void check(ImportConsent consent) {
		List<FieldError> errors = new ArrayList<>();
		if (consent.topics().isEmpty()) {
			errors.add(new FieldError("consentTopics", "must name at least one topic"));
		}
		for (String topic : consent.topics()) {
			if (!topics.exists(topic)) {
				errors.add(new FieldError("consentTopics",
						"'" + topic + "' is not a topic; use one of " + String.join(", ", topics.all())));
			}
		}
		if (consent.source() == null || consent.source().isBlank()) {
			errors.add(new FieldError("consentSource",
					"is required with consentTopics: say where the contacts agreed, e.g. 'Signup sheet, trade fair 2026'"));
		}
		else if (consent.source().length() > MAX_SOURCE) {
			errors.add(new FieldError("consentSource", "must be at most " + MAX_SOURCE + " characters"));
		}
		else if (consent.source().chars().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError("consentSource", "must be one line of text without control characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	@Override
	public Recorded record(String importId, List<ImportedContact> contacts, ImportConsent consent) {
		if (contacts.isEmpty()) {
			return Recorded.NONE;
		}
		Map<String, Map<String, String>> stored = storedStates(contacts);
		Set<String> blocked = blockedAddresses(contacts);
		Timestamp now = Timestamp.from(clock.instant());
		String detail = consent.source().strip() + " (import " + importId + ")";
		List<Object[]> states = new ArrayList<>();
		List<Object[]> records = new ArrayList<>();
		long kept = 0;
		for (ImportedContact contact : contacts) {
			Map<String, String> decided = stored.getOrDefault(contact.id(), Map.of());
			for (String topic : consent.topics().stream().distinct().toList()) {
				if (decided.containsKey(topic)) {
					kept += "SUBSCRIBED".equals(decided.get(topic)) ? 0 : 1;
				}
				else if (contact.email() != null && blocked.contains(normalise(contact.email()))) {
					kept++;
				}
				else {
					states.add(new Object[] { contact.id(), topic, "SUBSCRIBED", SOURCE, now });
					records.add(new Object[] { UUID.randomUUID().toString(), contact.id(), topic, "SUBSCRIBED", SOURCE,
							detail, now });
				}
			}
		}
		write(states, records);
		return new Recorded(states.size(), kept);
	}

	/** Contact → topic → status, for the topics the contacts have a state for. */
	private Map<String, Map<String, String>> storedStates(List<ImportedContact> contacts) {
		Map<String, Map<String, String>> byContact = new HashMap<>();
		jdbc.query(connection -> {
			PreparedStatement statement = connection
				.prepareStatement("SELECT contact_id, topic, status FROM topic_consents WHERE contact_id = ANY(?)");
			statement.setArray(1,
					connection.createArrayOf("VARCHAR", contacts.stream().map(ImportedContact::id).toArray()));
			return statement;
		}, (RowCallbackHandler) rs -> byContact.computeIfAbsent(rs.getString("contact_id"), id -> new HashMap<>())
			.put(rs.getString("topic"), rs.getString("status")));
		return byContact;
	}

	/** Addresses marketing mail must not go to: suppressed for any reason, or erased. */
	private Set<String> blockedAddresses(List<ImportedContact> contacts) {
		List<String> emails = contacts.stream()
			.map(ImportedContact::email)
			.filter(email -> email != null)
			.map(ImportedConsent::normalise)
			.distinct()
			.toList();
		Set<String> blocked = new HashSet<>();
		if (emails.isEmpty()) {
			return blocked;
		}
		jdbc.query(connection -> {
			PreparedStatement statement = connection
				.prepareStatement("SELECT email FROM suppressions WHERE email = ANY(?)");
			statement.setArray(1, connection.createArrayOf("VARCHAR", emails.toArray()));
			return statement;
		}, (RowCallbackHandler) rs -> blocked.add(rs.getString("email")));
		erasedAddresses.erasedAmong(emails).forEach(blocked::add);
		return blocked;
	}

	private void write(List<Object[]> states, List<Object[]> records) {
		if (states.isEmpty()) {
			return;
		}
		jdbc.batchUpdate(
				"INSERT INTO topic_consents (contact_id, topic, status, source, changed_at) VALUES (?, ?, ?, ?, ?)",
				states, new int[] { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP });
		jdbc.batchUpdate("""
				INSERT INTO consent_records (id, contact_id, topic, action, source, detail, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", records, new int[] { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
				Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP });
	}

	private static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
