package io.tidings.journey.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tidings.contact.Contact;
import io.tidings.journey.JourneySimulations.Entry;
import io.tidings.journey.JourneySimulations.Mail;

/**
 * One simulation as it runs: its moved clock, the contact, and the timeline so far. The
 * simulated steps and listeners find it through the thread that runs the simulation.
 */
final class SimulationRun {

	private static final ThreadLocal<SimulationRun> CURRENT = new ThreadLocal<>();

	private final Instant from;

	private final Contact contact;

	private final Set<String> segments;

	private final List<Entry> entries = new ArrayList<>();

	private final List<Instant> marketingSends = new ArrayList<>();

	private Instant now;

	SimulationRun(Instant from, Contact contact, Set<String> segments) {
		this.from = from;
		this.now = from;
		this.contact = contact;
		this.segments = segments;
	}

	static SimulationRun current() {
		SimulationRun run = CURRENT.get();
		if (run == null) {
			throw new IllegalStateException("No simulation runs in this thread");
		}
		return run;
	}

	void enter() {
		CURRENT.set(this);
	}

	void leave() {
		CURRENT.remove();
	}

	Instant from() {
		return from;
	}

	Instant now() {
		return now;
	}

	/** Moves the clock forward; never back. */
	void advanceTo(Instant moment) {
		if (moment.isAfter(now)) {
			now = moment;
		}
	}

	Contact contact() {
		return contact;
	}

	/** The segments the script names, or null to ask the stored contact's. */
	Set<String> segments() {
		return segments;
	}

	List<Instant> marketingSends() {
		return marketingSends;
	}

	void record(String kind, String stepId, String name, String detail) {
		recordAt(now, kind, stepId, name, detail, null);
	}

	void recordAt(Instant at, String kind, String stepId, String name, String detail, Mail mail) {
		entries.add(new Entry(at, Duration.between(from, at), kind, stepId, name, detail, mail));
	}

	List<Entry> entries() {
		return entries;
	}

}
