package io.tidings.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.tidings.support.DeliveriesTable.Row;

/**
 * The outbox compared with what the SMTP server received, for contacts
 * {@code 0..expected-1} that each should get exactly one welcome mail.
 *
 * @param expected mails that should have arrived, one per contact
 * @param delivered expected mails whose Message-ID arrived at least once
 * @param lost expected mails that never arrived (no row, or its Message-ID not received)
 * @param duplicated copies received beyond the first of a Message-ID
 * @param received every mail the server accepted, copies included
 * @param rowsByStatus outbox rows per status
 * @param contactsWithoutExactlyOneRow expected contacts with no row or more than one
 * @param unknownMessageIds Message-IDs received that no outbox row has
 * @param duplicatedFirstSeen for each duplicated Message-ID, when its first copy came
 * @param duplicatedRows the outbox rows of duplicated mails, for diagnosis
 */
public record DeliveryAudit(int expected, int delivered, int lost, int duplicated, int received,
		Map<String, Integer> rowsByStatus, int contactsWithoutExactlyOneRow, int unknownMessageIds,
		Map<String, Instant> duplicatedFirstSeen, List<Row> duplicatedRows) {

	public static DeliveryAudit of(int expected, DeliveriesTable table, SmtpSink smtp) {
		List<Row> rows = table.rows();
		Map<String, SmtpSink.Copies> ledger = smtp.ledger();
		Map<String, Integer> rowsPerContact = new HashMap<>();
		Map<String, String> messageIdByContact = new HashMap<>();
		Set<String> knownMessageIds = new HashSet<>();
		for (Row row : rows) {
			rowsPerContact.merge(row.contactId(), 1, Integer::sum);
			messageIdByContact.put(row.contactId(), row.messageId());
			knownMessageIds.add(row.messageId());
		}
		int delivered = 0;
		int wrongRowCount = 0;
		for (int number = 0; number < expected; number++) {
			String contact = EventLoad.contactId(number);
			String messageId = messageIdByContact.get(contact);
			if (messageId != null && ledger.containsKey(messageId)) {
				delivered++;
			}
			if (rowsPerContact.getOrDefault(contact, 0) != 1) {
				wrongRowCount++;
			}
		}
		Map<String, Instant> duplicatedFirstSeen = new TreeMap<>();
		ledger.forEach((messageId, copies) -> {
			if (copies.count() > 1) {
				duplicatedFirstSeen.put(messageId, copies.first());
			}
		});
		int unknown = (int) ledger.keySet().stream().filter(id -> !knownMessageIds.contains(id)).count();
		List<Row> duplicatedRows = rows.stream()
			.filter(row -> duplicatedFirstSeen.containsKey(row.messageId()))
			.toList();
		return new DeliveryAudit(expected, delivered, expected - delivered, smtp.duplicates(), smtp.received(),
				table.countByStatus(), wrongRowCount, unknown, duplicatedFirstSeen, duplicatedRows);
	}

	/** One line for the build log: the figures a reader looks for first. */
	public String summary() {
		return "expected=" + expected + " delivered=" + delivered + " lost=" + lost + " duplicated=" + duplicated
				+ " received=" + received + " rows=" + rowsByStatus + " contactsWithoutExactlyOneRow="
				+ contactsWithoutExactlyOneRow + " unknownMessageIds=" + unknownMessageIds + (duplicatedRows.isEmpty()
						? "" : " duplicatedRows(first 5)=" + duplicatedRows.stream().limit(5).toList());
	}

}
