package io.tidings.delivery.internal;

import java.time.Clock;
import java.util.Optional;

import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;
import io.tidings.consent.UnsubscribeLinks;
import io.tidings.consent.Unsubscribes;
import io.tidings.contact.UnknownContact;
import io.tidings.delivery.FeedbackLoop;
import io.tidings.delivery.FeedbackReceipt;
import io.tidings.delivery.internal.ComplaintStore.ReportedDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A spam complaint about a mail we sent unsubscribes its contact from all marketing
 * (which ends its marketing journeys and withdraws its queued marketing mail), then marks
 * the delivery complained and suppresses the address as a complaint. In that order: the
 * unsubscribe suppresses the contact's address as UNSUBSCRIBED, and the complaint, more
 * telling, must be what the list keeps (a hard bounce still outranks both).
 */
@Component
class ComplaintRecorder implements ComplaintHandler, FeedbackLoop {

	static final String SOURCE = "FEEDBACK_LOOP";

	private static final Logger log = LoggerFactory.getLogger(ComplaintRecorder.class);

	private final ComplaintStore store;

	private final Suppressions suppressions;

	private final Unsubscribes unsubscribes;

	private final UnsubscribeLinks links;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ComplaintRecorder(ComplaintStore store, Suppressions suppressions, Unsubscribes unsubscribes,
			UnsubscribeLinks links, TransactionTemplate transaction, Clock clock) {
		this.store = store;
		this.suppressions = suppressions;
		this.unsubscribes = unsubscribes;
		this.links = links;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public FeedbackReceipt receive(byte[] report, String contentType) {
		return recordComplaint(ArfReports.parse(report, contentType));
	}

	@Override
	public FeedbackReceipt recordComplaint(FeedbackReport report) {
		String type = report.feedbackType();
		Optional<Match> found = match(report);
		if (found.isEmpty()) {
			log.info("{} report from {} matches no delivery (Message-ID {})", type, report.reporter(),
					report.originalMessageId());
			return new FeedbackReceipt(type, false, null, null, false, false, FeedbackReceipt.UNMATCHED);
		}
		ReportedDelivery delivery = found.get().delivery();
		String by = found.get().by();
		if (!report.complaint()) {
			log.info("{} report from {} about delivery {} needs no action", type, report.reporter(), delivery.id());
			return new FeedbackReceipt(type, true, by, delivery.id(), false, false, FeedbackReceipt.IGNORED);
		}
		if (delivery.complainedAt() != null) {
			return new FeedbackReceipt(type, true, by, delivery.id(), false, false, FeedbackReceipt.ALREADY_RECORDED);
		}
		boolean unsubscribed = unsubscribe(delivery.contactId(), report);
		String detail = "spam complaint (" + type + ") from " + report.reporter() + " via feedback loop, delivery "
				+ delivery.id();
		transaction.executeWithoutResult(status -> {
			store.markComplained(delivery.id(), clock.instant());
			suppressions.suppress(delivery.recipient(), SuppressionReason.COMPLAINT, detail);
		});
		log.info("Delivery {} reported as spam ({}) by {}: address suppressed, contact {}", delivery.id(), type,
				report.reporter(), unsubscribed ? "unsubscribed" : "unknown");
		return new FeedbackReceipt(type, true, by, delivery.id(), true, unsubscribed, FeedbackReceipt.RECORDED);
	}

	private boolean unsubscribe(String contactId, FeedbackReport report) {
		try {
			unsubscribes.unsubscribeContact(contactId, SOURCE, null, report.reporter());
			return true;
		}
		catch (UnknownContact ex) {
			// Erased since; the address is still suppressed below.
			return false;
		}
	}

	private Optional<Match> match(FeedbackReport report) {
		if (report.originalMessageId() != null) {
			Optional<ReportedDelivery> byId = store.byMessageId(report.originalMessageId());
			if (byId.isPresent()) {
				return Optional.of(new Match(byId.get(), "message-id"));
			}
		}
		String token = report.unsubscribeToken();
		if (token != null) {
			Optional<ReportedDelivery> byLink = links.contactOf(token).flatMap(store::latestSentToContact);
			if (byLink.isPresent()) {
				return Optional.of(new Match(byLink.get(), "unsubscribe-link"));
			}
		}
		for (String recipient : report.recipients()) {
			Optional<ReportedDelivery> byAddress = store.latestSentTo(recipient);
			if (byAddress.isPresent()) {
				return Optional.of(new Match(byAddress.get(), "recipient"));
			}
		}
		return Optional.empty();
	}

	private record Match(ReportedDelivery delivery, String by) {
	}

}
