package io.tidings.broadcast.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.consent.EmailCategory;
import io.tidings.consent.Suppressions;
import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.journey.JourneyTrigger;
import io.tidings.journey.Journeys;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One member of a broadcast: skipped with a reason (gone, invalid address, suppressed for
 * a marketing journey, already in the journey) or started, and recorded as such in the
 * same transaction, so a resumed chunk never starts anyone twice. A group of members can
 * share one transaction, which saves a commit per member.
 */
@Component
class BroadcastRecipient {

	private final BroadcastStore store;

	private final Contacts contacts;

	private final Suppressions suppressions;

	private final Journeys journeys;

	BroadcastRecipient(BroadcastStore store, Contacts contacts, Suppressions suppressions, Journeys journeys) {
		this.store = store;
		this.contacts = contacts;
		this.suppressions = suppressions;
		this.journeys = journeys;
	}

	/**
	 * @return whether the journey was started for the contact now
	 */
	@Transactional
	public boolean handle(BroadcastStore.Work work, JourneyTrigger start, boolean marketing, String contactId) {
		Optional<String> skip = skipReason(work, marketing, contactId);
		if (!store.record(work.id(), contactId, skip.isPresent() ? "SKIPPED" : "STARTED", skip.orElse(null))) {
			return false;
		}
		if (skip.isPresent()) {
			return false;
		}
		journeys.start(start, contactId, Map.of("broadcastId", work.id()));
		return true;
	}

	/**
	 * {@link #handle} for every member in one transaction: all are recorded and started,
	 * or, when one fails, none.
	 * @return how many journeys were started
	 */
	@Transactional
	public int handleAll(BroadcastStore.Work work, JourneyTrigger start, boolean marketing, List<String> contactIds) {
		int started = 0;
		for (String contactId : contactIds) {
			if (handle(work, start, marketing, contactId)) {
				started++;
			}
		}
		return started;
	}

	private Optional<String> skipReason(BroadcastStore.Work work, boolean marketing, String contactId) {
		Optional<Contact> contact = contacts.find(contactId);
		if (contact.isEmpty()) {
			return Optional.of("contact deleted");
		}
		if (contact.get().address().invalid()) {
			return Optional.of("address invalid");
		}
		if (marketing) {
			Optional<String> blocked = suppressions.blockReason(contact.get().email(), EmailCategory.MARKETING);
			if (blocked.isPresent()) {
				return blocked;
			}
		}
		if (journeys.isRunning(work.journey(), contactId)) {
			return Optional.of("already in " + work.journey());
		}
		return Optional.empty();
	}

}
