package io.tidings.consent.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.tidings.consent.ContactUnsubscribed;
import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;
import io.tidings.consent.UnknownUnsubscribeToken;
import io.tidings.consent.UnsubscribeLinks;
import io.tidings.consent.Unsubscribes;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JdbcUnsubscribes implements Unsubscribes {

	private static final int ATTEMPTS = 5;

	private final UnsubscribeLinks links;

	private final Contacts contacts;

	private final Suppressions suppressions;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	JdbcUnsubscribes(UnsubscribeLinks links, Contacts contacts, Suppressions suppressions, JdbcTemplate jdbc,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
		this.transaction = transaction;
		this.links = links;
		this.contacts = contacts;
		this.suppressions = suppressions;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Tried again when a journey of the contact moved at the same moment: the unsubscribe
	 * must not fail because a mail went out just then.
	 */
	@Override
	public String unsubscribe(String token, String source, String ip, String userAgent) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> unsubscribeNow(token, source, ip, userAgent));
			}
			catch (ConcurrencyFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private String unsubscribeNow(String token, String source, String ip, String userAgent) {
		Contact contact = links.contactOf(token).flatMap(contacts::find).orElseThrow(UnknownUnsubscribeToken::new);
		Instant now = clock.instant();
		jdbc.update("""
				INSERT INTO consent_records (id, contact_id, topic, action, source, ip, user_agent, recorded_at)
				VALUES (?, ?, NULL, 'UNSUBSCRIBED', ?, ?, ?, ?)""", UUID.randomUUID().toString(), contact.id(), source,
				clip(ip, 64), clip(userAgent, 512), Timestamp.from(now));
		suppressions.suppress(contact.email(), SuppressionReason.UNSUBSCRIBED, "unsubscribed (" + source + ")");
		events.publishEvent(new ContactUnsubscribed(contact.id(), contact.email(), source, now));
		return contact.email();
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
