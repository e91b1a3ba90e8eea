package io.tidings.journey.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.contact.Contact;
import io.tidings.contact.Contacts;
import io.tidings.contact.UnknownContact;
import io.tidings.journey.JourneySimulations;
import io.tidings.journey.UnknownJourney;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;

import org.springframework.stereotype.Service;

/**
 * Deploys the journey's latest version into the {@link SimulationEngine}, runs the script
 * through {@link SimulationDriver}, and takes the deployment away again. One simulation
 * at a time: the engine's clock is the run's own.
 */
@Service
class CamundaJourneySimulations implements JourneySimulations {

	static final int MAX_DAYS = 366;

	static final int MAX_EVENTS = 200;

	private final RepositoryService repository;

	private final SimulationEngine engines;

	private final Contacts contacts;

	private final Clock clock;

	CamundaJourneySimulations(RepositoryService repository, SimulationEngine engines, Contacts contacts, Clock clock) {
		this.repository = repository;
		this.engines = engines;
		this.contacts = contacts;
		this.clock = clock;
	}

	@Override
	public synchronized Timeline simulate(String journeyKey, Script script) {
		check(script);
		ProcessDefinition latest = repository.createProcessDefinitionQuery()
			.processDefinitionKey(journeyKey)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			throw new UnknownJourney(journeyKey);
		}
		Contact contact = contactOf(script);
		ProcessEngine engine = engines.engine();
		Deployment deployment = engine.getRepositoryService()
			.createDeployment()
			.name("simulation of " + journeyKey)
			.addString(journeyKey + ".bpmn", Bpmn.convertToString(repository.getBpmnModelInstance(latest.getId())))
			.deploy();
		SimulationRun run = new SimulationRun(clock.instant(), contact,
				script.segments() == null ? null : new HashSet<>(script.segments()));
		run.enter();
		try {
			Instant until = run.from().plus(Duration.ofDays(script.days()));
			boolean ended = new SimulationDriver(engine, run, journeyKey).run(script.events(), until);
			List<Entry> entries = new ArrayList<>(run.entries());
			entries.sort(Comparator.comparing(Entry::at));
			int mails = (int) entries.stream().filter(entry -> entry.kind().equals("MAIL")).count();
			return new Timeline(journeyKey, latest.getVersion(), contact.id(), run.from(), until, ended, mails,
					entries);
		}
		finally {
			run.leave();
			engine.getRepositoryService().deleteDeployment(deployment.getId(), true, true);
		}
	}

	private static void check(Script script) {
		List<FieldError> errors = new ArrayList<>();
		if (script.days() < 1 || script.days() > MAX_DAYS) {
			errors.add(new FieldError("days", "must be between 1 and " + MAX_DAYS));
		}
		if (script.contact() != null && script.sampleContact() != null) {
			errors.add(new FieldError("sampleContact", "cannot be combined with contact"));
		}
		List<ScriptedEvent> events = script.events() == null ? List.of() : script.events();
		if (events.isEmpty()) {
			errors.add(new FieldError("events", "must name at least the event that starts the journey"));
		}
		if (events.size() > MAX_EVENTS) {
			errors.add(new FieldError("events", "must be at most " + MAX_EVENTS));
		}
		for (int i = 0; i < events.size(); i++) {
			ScriptedEvent event = events.get(i);
			if (event == null || event.name() == null || event.name().isBlank()) {
				errors.add(new FieldError("events[" + i + "].name", "is required"));
			}
			else if (event.after() != null && (event.after().isNegative()
					|| event.after().compareTo(Duration.ofDays(Math.max(script.days(), 0))) > 0)) {
				errors.add(new FieldError("events[" + i + "].after", "must lie between PT0S and the simulated days"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	private Contact contactOf(Script script) {
		if (script.contact() != null) {
			return contacts.find(script.contact()).orElseThrow(() -> new UnknownContact(script.contact()));
		}
		SampleContact sample = script.sampleContact() != null ? script.sampleContact()
				: new SampleContact(null, null, null, null, null, null, null);
		Instant now = clock.instant();
		return new Contact(sample.id() == null ? "simulated-contact" : sample.id(),
				sample.email() == null ? "simulated@example.com" : sample.email(), sample.firstName(),
				sample.lastName(), sample.locale(), sample.timeZone(), null, null,
				sample.attributes() == null ? Map.of() : new LinkedHashMap<>(sample.attributes()), now, now, null,
				null);
	}

}
