package io.tidings.event.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tidings.contact.AddressState;
import io.tidings.contact.Contacts;
import io.tidings.event.EventAccepted;
import io.tidings.event.EventReceipt;
import io.tidings.event.IncomingEvent;
import io.tidings.journey.JourneyDispatch;
import io.tidings.journey.JourneyMessage;
import io.tidings.journey.Journeys;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class EventTransaction {

	private final Contacts contacts;

	private final Journeys journeys;

	private final EventLog log;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	EventTransaction(Contacts contacts, Journeys journeys, EventLog log, Clock clock,
			ApplicationEventPublisher publisher) {
		this.contacts = contacts;
		this.journeys = journeys;
		this.log = log;
		this.clock = clock;
		this.publisher = publisher;
	}

	/**
	 * Stores the event first, so a concurrent duplicate id fails before any journey runs.
	 */
	@Transactional
	public EventReceipt run(String id, IncomingEvent event, AddressState address) {
		Instant receivedAt = clock.instant();
		log.insert(id, event.name(), event.contact().id(), event.correlationKey(), event.data(), receivedAt);
		contacts.upsert(event.contact());
		if (address.checkedAt() != null) {
			contacts.recordAddressCheck(event.contact().id(), address);
		}
		boolean mayStart = !address.invalid();
		JourneyDispatch dispatch = journeys.dispatch(
				new JourneyMessage(event.name(), event.contact().id(), event.correlationKey(), event.data()), mayStart);
		String skipReason = dispatch.skipped() > 0 ? "address invalid: " + address.reason() : null;
		log.recordOutcome(id, dispatch.started(), dispatch.continued(), dispatch.skipped(), skipReason);
		publisher.publishEvent(new EventAccepted(id, event.name(), event.contact().id(), event.data(), receivedAt));
		return new EventReceipt(id, dispatch.started(), dispatch.continued(), dispatch.skipped(), skipReason, false);
	}

	/**
	 * {@link #run} for several events, in order, in one transaction: all are stored and
	 * dispatched, or, when one fails, none.
	 */
	@Transactional
	public List<EventReceipt> runAll(List<Prepared> events) {
		List<EventReceipt> receipts = new ArrayList<>(events.size());
		for (Prepared prepared : events) {
			receipts.add(run(prepared.id(), prepared.event(), prepared.address()));
		}
		return receipts;
	}

	/**
	 * An event with its id and its address state, both settled before the transaction.
	 */
	public record Prepared(String id, IncomingEvent event, AddressState address) {
	}

}
