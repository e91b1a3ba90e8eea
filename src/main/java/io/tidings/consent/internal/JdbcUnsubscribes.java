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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcUnsubscribes implements Unsubscribes {

	private final UnsubscribeLinks links;

	private final Contacts contacts;

	private final Suppressions suppressions;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	JdbcUnsubscribes(UnsubscribeLinks links, Contacts contacts, Suppressions suppressions, JdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.links = links;
		this.contacts = contacts;
		this.suppressions = suppressions;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public String unsubscribe(String token, String source, String ip, String userAgent) {
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
