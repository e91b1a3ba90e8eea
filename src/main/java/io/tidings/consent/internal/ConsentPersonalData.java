package io.tidings.consent.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.consent.ConsentHistory;
import io.tidings.consent.Suppression;
import io.tidings.consent.Suppressions;
import io.tidings.consent.TopicConsents;
import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contact's consent per topic, every consent change (with the IP and user agent of
 * web actions) and the suppression of its addresses. Erasure deletes both; what stays is
 * the hash of each address (see {@link ErasureAwareSuppressions}), which keeps marketing
 * mail blocked.
 */
@Component
class ConsentPersonalData implements PersonalData {

	private final ConsentHistory history;

	private final Suppressions suppressions;

	private final TopicConsents topics;

	private final JdbcTemplate jdbc;

	ConsentPersonalData(ConsentHistory history, Suppressions suppressions, TopicConsents topics, JdbcTemplate jdbc) {
		this.history = history;
		this.suppressions = suppressions;
		this.topics = topics;
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "consent";
	}

	@Override
	public Object export(DataSubject subject) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("topics", topics.of(subject.contactId()));
		section.put("history", history.of(subject.contactId()));
		List<Suppression> suppressed = subject.emails()
			.stream()
			.sorted()
			.map(suppressions::find)
			.flatMap(Optional::stream)
			.toList();
		section.put("suppressions", suppressed);
		return section;
	}

	@Override
	public void erase(DataSubject subject) {
		jdbc.update("DELETE FROM consent_records WHERE contact_id = ?", subject.contactId());
		jdbc.update("DELETE FROM topic_consents WHERE contact_id = ?", subject.contactId());
		// The rows themselves, not Suppressions.lift: that would also forget an earlier
		// erasure of the same address.
		subject.emails().forEach(email -> jdbc.update("DELETE FROM suppressions WHERE email = ?", email));
	}

}
