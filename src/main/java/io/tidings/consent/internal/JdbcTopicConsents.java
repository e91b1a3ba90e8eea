package io.tidings.consent.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.springframework.stereotype.Service;

@Service
class JdbcTopicConsents implements TopicConsents {

	private final ConsentLedger ledger;

	private final ConsentChecks checks;

	private final Topics topics;

	private final Suppressions suppressions;

	private final Contacts contacts;

	private final ApplicationEventPublisher events;

	private final ConsentTransactions transactions;

	private final Clock clock;

	JdbcTopicConsents(ConsentLedger ledger, ConsentChecks checks, Topics topics, Suppressions suppressions,
			Contacts contacts, ApplicationEventPublisher events, ConsentTransactions transactions, Clock clock) {
		this.transactions = transactions;
		this.ledger = ledger;
		this.checks = checks;
		this.topics = topics;
		this.suppressions = suppressions;
		this.contacts = contacts;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Map<String, TopicState> of(String contactId) {
		return checks.of(contactId);
	}

	@Override
	public Optional<String> blockReason(String contactId, String topic) {
		return checks.blockReason(contactId, topic);
	}

	@Override
	public Map<Recipient, String> blockReasons(Collection<Recipient> recipients) {
		return checks.blockReasons(recipients);
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
