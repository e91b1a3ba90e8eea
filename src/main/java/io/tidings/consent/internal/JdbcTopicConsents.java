package io.tidings.consent.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.consent.ConsentProperties;
import io.tidings.consent.ContactOptedIn;
import io.tidings.consent.ContactUnsubscribed;
import io.tidings.consent.Suppression;
import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;
import io.tidings.consent.TopicConsents;
import io.tidings.consent.Topics;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.contact.UnknownContact;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

@Service
class JdbcTopicConsents implements TopicConsents {

	private final ConsentLedger ledger;

	private final Topics topics;

	private final ConsentProperties properties;

	private final Suppressions suppressions;

	private final Contacts contacts;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final ConsentTransactions transactions;

	private final Clock clock;

	JdbcTopicConsents(ConsentLedger ledger, Topics topics, ConsentProperties properties, Suppressions suppressions,
			Contacts contacts, ApplicationEventPublisher events, JdbcTemplate jdbc, ConsentTransactions transactions,
			Clock clock) {
		this.transactions = transactions;
		this.ledger = ledger;
		this.topics = topics;
		this.properties = properties;
		this.suppressions = suppressions;
		this.contacts = contacts;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Map<String, TopicState> of(String contactId) {
		Map<String, TopicState> recorded = ledger.states(contactId);
		Map<String, TopicState> states = new LinkedHashMap<>();
		for (String topic : topics.all()) {
			TopicState state = recorded.getOrDefault(topic, new TopicState(topic, TopicStatus.NOT_SET, null, null));
			states.put(topic, state.receiving(receives(state.status())));
		}
		return states;
	}

	@Override
	public Optional<String> blockReason(String contactId, String topic) {
		String subject = topic == null ? topics.defaultTopic() : topic;
		TopicStatus status = jdbc
			.queryForList("SELECT status FROM topic_consents WHERE contact_id = ? AND topic = ?", String.class,
					contactId, subject)
			.stream()
			.findFirst()
			.map(TopicStatus::valueOf)
			.orElse(TopicStatus.NOT_SET);
		return blockReason(subject, status);
	}

	@Override
	public Map<Recipient, String> blockReasons(Collection<Recipient> recipients) {
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
			String subject = recipient.topic() == null ? topics.defaultTopic() : recipient.topic();
			TopicStatus status = recorded.getOrDefault(new Recipient(recipient.contactId(), subject),
					TopicStatus.NOT_SET);
			blockReason(subject, status).ifPresent(reason -> blocked.put(recipient, reason));
		}
		return blocked;
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

	@Override
	public void change(String contactId, Map<String, Boolean> wanted, Origin origin) {
		requireKnown(wanted.keySet());
		transactions.retried(() -> changeNow(contactId, wanted, origin));
	}

	private void changeNow(String contactId, Map<String, Boolean> wanted, Origin origin) {
		Contact contact = contact(contactId);
		Map<String, TopicState> current = ledger.states(contactId);
		Instant now = clock.instant();
		boolean wantsMarketing = false;
		for (Map.Entry<String, Boolean> entry : wanted.entrySet()) {
			String topic = entry.getKey();
			TopicStatus before = Optional.ofNullable(current.get(topic))
				.map(TopicState::status)
				.orElse(TopicStatus.NOT_SET);
			if (Boolean.TRUE.equals(entry.getValue())) {
				wantsMarketing = true;
				if (before != TopicStatus.SUBSCRIBED) {
					ledger.setState(contactId, topic, TopicStatus.SUBSCRIBED, origin.source(), now);
					ledger.record(contactId, topic, "SUBSCRIBED", origin, now);
				}
			}
			else if (before != TopicStatus.UNSUBSCRIBED) {
				ledger.setState(contactId, topic, TopicStatus.UNSUBSCRIBED, origin.source(), now);
				ledger.record(contactId, topic, "UNSUBSCRIBED", origin, now);
				events.publishEvent(new ContactUnsubscribed(contactId, contact.email(), topic, origin.source(), now));
			}
		}
		if (wantsMarketing) {
			liftUnsubscribeFromAll(contact, origin, now);
		}
	}

	@Override
	public List<String> requestOptIn(String contactId, List<String> requested, Origin origin) {
		requireKnown(requested);
		return transactions.retried(() -> requestOptInNow(contactId, requested, origin));
	}

	private List<String> requestOptInNow(String contactId, List<String> requested, Origin origin) {
		contact(contactId);
		Map<String, TopicState> current = ledger.states(contactId);
		Instant now = clock.instant();
		List<String> pending = new ArrayList<>();
		for (String topic : requested.stream().distinct().toList()) {
			TopicState state = current.get(topic);
			if (state != null && state.status() == TopicStatus.SUBSCRIBED) {
				continue;
			}
			if (state == null || state.status() != TopicStatus.PENDING) {
				ledger.setState(contactId, topic, TopicStatus.PENDING, origin.source(), now);
			}
			ledger.record(contactId, topic, "OPT_IN_REQUESTED", origin, now);
			pending.add(topic);
		}
		return pending;
	}

	@Override
	public List<String> confirmOptIn(String contactId, Origin origin) {
		return transactions.retried(() -> confirmOptInNow(contactId, origin));
	}

	private List<String> confirmOptInNow(String contactId, Origin origin) {
		Contact contact = contact(contactId);
		Instant now = clock.instant();
		List<String> confirmed = pending(contactId);
		for (String topic : confirmed) {
			ledger.setState(contactId, topic, TopicStatus.SUBSCRIBED, origin.source(), now);
			ledger.record(contactId, topic, "OPT_IN_CONFIRMED", origin, now);
		}
		if (!confirmed.isEmpty()) {
			liftUnsubscribeFromAll(contact, origin, now);
			events.publishEvent(new ContactOptedIn(contactId, confirmed, now));
		}
		return confirmed;
	}

	/**
	 * The topics stay pending, so no mail of them goes out, but the record shows the
	 * confirmation never came in time. A late click still confirms: it is the contact's
	 * own act.
	 */
	@Override
	public List<String> expireOptIn(String contactId) {
		return transactions.retried(() -> expireOptInNow(contactId));
	}

	private List<String> expireOptInNow(String contactId) {
		if (contacts.findForUpdate(contactId).isEmpty()) {
			return List.of();
		}
		List<String> expired = pending(contactId);
		Instant now = clock.instant();
		for (String topic : expired) {
			ledger.record(contactId, topic, "OPT_IN_EXPIRED", Origin.of("DOUBLE_OPT_IN"), now);
		}
		return expired;
	}

	private List<String> pending(String contactId) {
		return ledger.states(contactId)
			.values()
			.stream()
			.filter(state -> state.status() == TopicStatus.PENDING)
			.map(TopicState::topic)
			.toList();
	}

	/**
	 * An explicit wish for marketing mail outweighs an earlier unsubscribe from all of
	 * it, a spam complaint or the erasure of a former contact with the address (a person
	 * who came back); a hard bounce or an operator's block stays.
	 */
	private void liftUnsubscribeFromAll(Contact contact, Origin origin, Instant now) {
		Optional<SuppressionReason> reason = suppressions.find(contact.email()).map(Suppression::reason);
		if (reason.isPresent() && (reason.get() == SuppressionReason.UNSUBSCRIBED
				|| reason.get() == SuppressionReason.COMPLAINT || reason.get() == SuppressionReason.ERASED)) {
			suppressions.lift(contact.email());
			ledger.record(contact.id(), null, "RESUBSCRIBED", origin, now);
		}
	}

	private Contact contact(String contactId) {
		return contacts.findForUpdate(contactId).orElseThrow(() -> new UnknownContact(contactId));
	}

	private void requireKnown(Iterable<String> requested) {
		for (String topic : requested) {
			if (!topics.exists(topic)) {
				throw new IllegalArgumentException(
						"Unknown topic '" + topic + "': use one of " + String.join(", ", topics.all()));
			}
		}
	}

}
