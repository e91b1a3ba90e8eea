package io.tidings.event.internal;

import java.time.Clock;

import io.tidings.contact.Contacts;
import io.tidings.event.EventReceipt;
import io.tidings.event.IncomingEvent;
import io.tidings.journey.JourneyDispatch;
import io.tidings.journey.JourneyMessage;
import io.tidings.journey.Journeys;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class EventTransaction {

	private final Contacts contacts;

	private final Journeys journeys;

	private final EventLog log;

	private final Clock clock;

	EventTransaction(Contacts contacts, Journeys journeys, EventLog log, Clock clock) {
		this.contacts = contacts;
		this.journeys = journeys;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Stores the event first, so a concurrent duplicate id fails before any journey runs.
	 */
	@Transactional
	public EventReceipt run(String id, IncomingEvent event) {
		log.insert(id, event.name(), event.contact().id(), event.correlationKey(), event.data(), clock.instant());
		contacts.upsert(event.contact());
		JourneyDispatch dispatch = journeys
			.dispatch(new JourneyMessage(event.name(), event.contact().id(), event.correlationKey(), event.data()));
		log.recordOutcome(id, dispatch.started(), dispatch.continued());
		return new EventReceipt(id, dispatch.started(), dispatch.continued(), false);
	}

}
