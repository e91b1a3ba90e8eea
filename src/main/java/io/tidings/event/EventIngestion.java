package io.tidings.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.tidings.contact.AddressChecks;
import io.tidings.event.internal.EventLog;
import io.tidings.event.internal.EventMetrics;
import io.tidings.event.internal.EventTransaction;
import io.tidings.event.internal.EventTransaction.Prepared;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Takes an event in: upserts the contact, stores the event and hands it to the journeys,
 * all in one transaction, so an accepted event is stored before the answer and a rejected
 * one leaves nothing. An id seen before answers with its first result and runs nothing.
 * The events of a batch share transactions a group at a time ({@link #ingestAll}).
 */
@Service
public class EventIngestion {

	private static final int ATTEMPTS = 3;

	private final EventTransaction transaction;

	private final EventLog log;

	private final AddressChecks addresses;

	private final EventMetrics metrics;

	private final EventProperties properties;

	EventIngestion(EventTransaction transaction, EventLog log, AddressChecks addresses, EventMetrics metrics,
			EventProperties properties) {
		this.metrics = metrics;
		this.properties = properties;
		this.transaction = transaction;
		this.log = log;
		this.addresses = addresses;
	}

	public EventReceipt ingest(IncomingEvent event) {
		String id = idOf(event);
		for (int attempt = 1;; attempt++) {
			Optional<EventReceipt> seen = seenBefore(event);
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

	/**
	 * Several events, each with the outcome {@link #ingest} would give it alone. Up to
	 * {@code tidings.events.events-per-transaction} of them share a transaction (one
	 * commit instead of one each); when one of a group fails, the group is undone and its
	 * events go again one by one, so a bad event neither stops nor undoes the others.
	 */
	public List<Outcome> ingestAll(List<IncomingEvent> events) {
		Outcome[] outcomes = new Outcome[events.size()];
		int groupSize = properties.eventsPerTransaction();
		for (int start = 0; start < events.size(); start += groupSize) {
			ingestGroup(events, start, Math.min(start + groupSize, events.size()), outcomes);
		}
		return Arrays.asList(outcomes);
	}

	private void ingestGroup(List<IncomingEvent> events, int from, int to, Outcome[] outcomes) {
		List<Integer> positions = new ArrayList<>();
		List<Prepared> prepared = new ArrayList<>();
		try {
			for (int i = from; i < to; i++) {
				IncomingEvent event = events.get(i);
				Optional<EventReceipt> seen = seenBefore(event);
				if (seen.isPresent()) {
					outcomes[i] = Outcome.of(seen.get().asReplay());
					continue;
				}
				positions.add(i);
				prepared.add(new Prepared(idOf(event), event, addresses.stateFor(event.contact())));
			}
			if (prepared.size() > 1) {
				List<EventReceipt> receipts = transaction.runAll(prepared);
				for (int k = 0; k < receipts.size(); k++) {
					outcomes[positions.get(k)] = Outcome.of(receipts.get(k));
					metrics.accepted(prepared.get(k).event().name());
				}
				return;
			}
		}
		catch (RuntimeException ex) {
			// One event of the group failed (a duplicate id, a contact without an
			// address, a journey's error) and the group was undone: one by one below.
		}
		for (int i = from; i < to; i++) {
			if (outcomes[i] == null) {
				outcomes[i] = ingestAlone(events.get(i));
			}
		}
	}

	private static String idOf(IncomingEvent event) {
		return event.id() != null ? event.id() : UUID.randomUUID().toString();
	}

	/** An id made up here cannot have been seen: no query for events without one. */
	private Optional<EventReceipt> seenBefore(IncomingEvent event) {
		return event.id() != null ? log.find(event.id()) : Optional.empty();
	}

	private Outcome ingestAlone(IncomingEvent event) {
		try {
			return Outcome.of(ingest(event));
		}
		catch (RuntimeException ex) {
			return new Outcome(null, ex);
		}
	}

	/** What became of one event of a batch: its receipt, or why it failed. */
	public record Outcome(EventReceipt receipt, RuntimeException failure) {

		static Outcome of(EventReceipt receipt) {
			return new Outcome(receipt, null);
		}

	}

}
