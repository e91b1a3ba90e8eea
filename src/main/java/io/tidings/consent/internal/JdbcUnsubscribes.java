package io.tidings.consent.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.tidings.consent.ContactUnsubscribed;
import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;
import io.tidings.consent.TopicConsents;
import io.tidings.consent.TopicConsents.Origin;
import io.tidings.consent.UnknownUnsubscribeToken;
import io.tidings.consent.UnsubscribeLinks;
import io.tidings.consent.UnsubscribeLinks.LinkScope;
import io.tidings.consent.Unsubscribes;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.contact.UnknownContact;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
class JdbcUnsubscribes implements Unsubscribes {

	private final UnsubscribeLinks links;

	private final Contacts contacts;

	private final Suppressions suppressions;

	private final TopicConsents topics;

	private final ConsentLedger ledger;

	private final ApplicationEventPublisher events;

	private final ConsentTransactions transactions;

	private final Clock clock;

	JdbcUnsubscribes(UnsubscribeLinks links, Contacts contacts, Suppressions suppressions, TopicConsents topics,
			ConsentLedger ledger, ApplicationEventPublisher events, ConsentTransactions transactions, Clock clock) {
		this.links = links;
		this.contacts = contacts;
		this.suppressions = suppressions;
		this.topics = topics;
		this.ledger = ledger;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Unsubscribed unsubscribe(String token, String source, String ip, String userAgent) {
		LinkScope scope = links.unsubscribeScopeOf(token).orElseThrow(UnknownUnsubscribeToken::new);
		Origin origin = new Origin(source, null, ip, userAgent);
		return transactions.retried(() -> {
			Contact contact = contacts.findForUpdate(scope.contactId()).orElseThrow(UnknownUnsubscribeToken::new);
			if (scope.topic() == null) {
				unsubscribeFromAll(contact, origin);
			}
			else {
				topics.change(contact.id(), Map.of(scope.topic(), false), origin);
			}
			return new Unsubscribed(contact.email(), scope.topic());
		});
	}

	@Override
	public Unsubscribed unsubscribeFromAll(String token, String source, String ip, String userAgent) {
		String contactId = links.contactOf(token).orElseThrow(UnknownUnsubscribeToken::new);
		return transactions.retried(() -> {
			Contact contact = contacts.findForUpdate(contactId).orElseThrow(UnknownUnsubscribeToken::new);
			unsubscribeFromAll(contact, new Origin(source, null, ip, userAgent));
			return new Unsubscribed(contact.email(), null);
		});
	}

	@Override
	public String unsubscribeContact(String contactId, String source, String ip, String userAgent) {
		return transactions.retried(() -> {
			Contact contact = contacts.findForUpdate(contactId).orElseThrow(() -> new UnknownContact(contactId));
			unsubscribeFromAll(contact, new Origin(source, null, ip, userAgent));
			return contact.email();
		});
	}

	private void unsubscribeFromAll(Contact contact, Origin origin) {
		Instant now = clock.instant();
		ledger.record(contact.id(), null, "UNSUBSCRIBED", origin, now);
		suppressions.suppress(contact.email(), SuppressionReason.UNSUBSCRIBED,
				"unsubscribed (" + origin.source() + ")");
		events.publishEvent(new ContactUnsubscribed(contact.id(), contact.email(), null, origin.source(), now));
	}

}
