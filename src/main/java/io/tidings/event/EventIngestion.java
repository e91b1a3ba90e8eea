package io.tidings.event;

import java.util.Optional;
import java.util.UUID;

import io.tidings.contact.AddressChecks;
import io.tidings.event.internal.EventLog;
import io.tidings.event.internal.EventMetrics;
import io.tidings.event.internal.EventTransaction;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Takes an event in: upserts the contact, stores the event and hands it to the journeys,
 * all in one transaction, so an accepted event is stored before the answer and a rejected
 * one leaves nothing. An id seen before answers with its first result and runs nothing.
 */
@Service
public class EventIngestion {

	private static final int ATTEMPTS = 3;

	private final EventTransaction transaction;

	private final EventLog log;

	private final AddressChecks addresses;

	private final EventMetrics metrics;

	EventIngestion(EventTransaction transaction, EventLog log, AddressChecks addresses, EventMetrics metrics) {
		this.metrics = metrics;
		this.transaction = transaction;
		this.log = log;
		this.addresses = addresses;
	}

	public EventReceipt ingest(IncomingEvent event) {
		String id = event.id() != null ? event.id() : UUID.randomUUID().toString();
		for (int attempt = 1;; attempt++) {
			// An id made up here cannot have been seen: one query fewer per event.
			Optional<EventReceipt> seen = event.id() != null ? log.find(id) : Optional.empty();
			if (seen.isPresent()) {
				return seen.get().asReplay();
			}
			try {
				// Outside the transaction: a DNS lookup may take seconds.
				EventReceipt receipt = transaction.run(id, event, addresses.stateFor(event.contact()));
				metrics.accepted(event.name());
				return receipt;
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				// Another request stored the same event id, or created the same new
				// contact, at the same
				// moment; its transaction has committed, so looking again gives a
				// consistent answer.
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
