package io.tidings.delivery.internal;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every mail made for the contact, with the address and name it went to and what it said.
 * Erasure deletes the rows: a delivery without its recipient, contact and body is not
 * worth keeping for statistics.
 */
@Component
class DeliveryPersonalData implements PersonalData {

	private final JdbcTemplate jdbc;

	DeliveryPersonalData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "deliveries";
	}

	@Override
	public Set<String> addressesOf(String contactId) {
		return jdbc
			.queryForList("SELECT DISTINCT recipient FROM deliveries WHERE contact_id = ?", String.class, contactId)
			.stream()
			.map(address -> address.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	@Override
	public Object export(DataSubject subject) {
		return jdbc.queryForList("""
				SELECT id AS "id", message_id AS "messageId", journey_key AS "journeyKey",
				       journey_instance_id AS "journeyInstanceId", step_id AS "stepId", template_key AS "templateKey",
				       category AS "category", recipient AS "recipient", recipient_name AS "recipientName",
				       recipient_time_zone AS "recipientTimeZone", subject AS "subject", text_body AS "textBody",
				       html_body AS "htmlBody", unsubscribe_url AS "unsubscribeUrl", status AS "status",
				       status_reason AS "statusReason", attempts AS "attempts", smtp_reply AS "smtpReply",
				       last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt",
				       bounced_at AS "bouncedAt"
				FROM deliveries WHERE contact_id = ? ORDER BY created_at, id""", subject.contactId());
	}

	@Override
	public void erase(DataSubject subject) {
		jdbc.update("DELETE FROM deliveries WHERE contact_id = ?", subject.contactId());
	}

}
