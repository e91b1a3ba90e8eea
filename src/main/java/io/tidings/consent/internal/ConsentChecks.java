package io.tidings.consent.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tidings.consent.ConsentProperties;
import io.tidings.consent.TopicConsents.Recipient;
import io.tidings.consent.TopicConsents.TopicState;
import io.tidings.consent.TopicConsents.TopicStatus;
import io.tidings.consent.Topics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side of topic consent: whether a contact receives mail of a topic, and if not,
 * why. A topic never set counts as consent unless opt-in is required.
 */
@Component
class ConsentChecks {

	private final ConsentLedger ledger;

	private final Topics topics;

	private final ConsentProperties properties;

	private final JdbcTemplate jdbc;

	ConsentChecks(ConsentLedger ledger, Topics topics, ConsentProperties properties, JdbcTemplate jdbc) {
		this.ledger = ledger;
		this.topics = topics;
		this.properties = properties;
		this.jdbc = jdbc;
	}

	Map<String, TopicState> of(String contactId) {
		Map<String, TopicState> recorded = ledger.states(contactId);
		Map<String, TopicState> states = new LinkedHashMap<>();
		for (String topic : topics.all()) {
			TopicState state = recorded.getOrDefault(topic, new TopicState(topic, TopicStatus.NOT_SET, null, null));
			states.put(topic, state.receiving(receives(state.status())));
		}
		return states;
	}

	Optional<String> blockReason(String contactId, String topic) {
		String subject = subject(topic);
		TopicStatus status = jdbc
			.queryForList("SELECT status FROM topic_consents WHERE contact_id = ? AND topic = ?", String.class,
					contactId, subject)
			.stream()
			.findFirst()
			.map(TopicStatus::valueOf)
			.orElse(TopicStatus.NOT_SET);
		return blockReason(subject, status);
	}

	Map<Recipient, String> blockReasons(Collection<Recipient> recipients) {
		Map<Recipient, String> blocked = new LinkedHashMap<>();
		if (recipients.isEmpty()) {
			return blocked;
		}
		Map<Recipient, TopicStatus> recorded = new HashMap<>();
		new NamedParameterJdbcTemplate(jdbc).query(
				"SELECT contact_id, topic, status FROM topic_consents WHERE contact_id IN (:contacts)",
				new MapSqlParameterSource("contacts",
						recipients.stream().map(Recipient::contactId).distinct().toList()),
				(rs, row) -> recorded.put(new Recipient(rs.getString("contact_id"), rs.getString("topic")),
						TopicStatus.valueOf(rs.getString("status"))));
		for (Recipient recipient : recipients) {
			String subject = subject(recipient.topic());
			TopicStatus status = recorded.getOrDefault(new Recipient(recipient.contactId(), subject),
					TopicStatus.NOT_SET);
			blockReason(subject, status).ifPresent(reason -> blocked.put(recipient, reason));
		}
		return blocked;
	}

	/** A mail without a topic of its own is of the default topic. */
	private String subject(String topic) {
		return topic == null ? topics.defaultTopic() : topic;
	}

	private Optional<String> blockReason(String subject, TopicStatus status) {
		if (receives(status)) {
			return Optional.empty();
		}
		return Optional.of(switch (status) {
			case UNSUBSCRIBED -> "unsubscribed from " + subject;
			case PENDING -> "double opt-in for " + subject + " not confirmed";
			case LAPSED -> "double opt-in for " + subject + " lapsed unconfirmed";
			default -> "no consent for " + subject;
		});
	}

	private boolean receives(TopicStatus status) {
		return status == TopicStatus.SUBSCRIBED || status == TopicStatus.NOT_SET && !properties.requireOptIn();
	}

}
