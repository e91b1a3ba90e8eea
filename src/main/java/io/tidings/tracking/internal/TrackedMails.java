package io.tidings.tracking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import io.tidings.consent.ConsentProperties;
import io.tidings.delivery.MailTracking;
import io.tidings.delivery.OutgoingEmail;
import io.tidings.tracking.TrackingProperties;

import org.springframework.stereotype.Component;

/**
 * Instruments each mail as the outbox records it, in the same transaction: an open pixel
 * with the mail's token, and every trackable link rewritten to a token stored with its
 * URL (see {@link LinkRewriter} for which links are left alone).
 */
@Component
class TrackedMails implements MailTracking {

	private final TrackingStore store;

	private final TrackingProperties properties;

	private final LinkRewriter rewriter;

	private final Clock clock;

	TrackedMails(TrackingStore store, TrackingProperties properties, ConsentProperties consent, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.rewriter = new LinkRewriter(consent.publicUrl());
		this.clock = clock;
	}

	@Override
	public TrackedBodies instrument(String deliveryId, OutgoingEmail email) {
		if (!properties.enabled() || email.html() == null || email.html().isBlank()) {
			return new TrackedBodies(email.html(), email.text());
		}
		Instant now = clock.instant();
		String openToken = Tokens.next();
		store.insertOpenToken(deliveryId, openToken, email.contactId(), now);
		Set<String> neverTracked = new HashSet<>();
		if (email.unsubscribeUrl() != null) {
			neverTracked.add(email.unsubscribeUrl());
		}
		LinkRewriter.Instrumented instrumented = rewriter.instrument(email.html(), email.text(), openToken, url -> {
			String token = Tokens.next();
			store.insertLink(token, deliveryId, email.contactId(), url, now);
			return token;
		}, neverTracked, properties.textLinks());
		return new TrackedBodies(instrumented.html(), instrumented.text());
	}

}
