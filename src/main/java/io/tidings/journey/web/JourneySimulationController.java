package io.tidings.journey.web;

import java.util.List;

import io.tidings.journey.JourneySimulations;
import io.tidings.journey.JourneySimulations.SampleContact;
import io.tidings.journey.JourneySimulations.ScriptedEvent;
import io.tidings.journey.JourneySimulations.Script;
import io.tidings.journey.JourneySimulations.Timeline;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/journeys/{key}/simulate}: what one contact would get from the journey
 * over the coming days, given the events of a script. Sends nothing, changes nothing.
 */
@RestController
class JourneySimulationController {

	static final int DEFAULT_DAYS = 30;

	private final JourneySimulations simulations;

	JourneySimulationController(JourneySimulations simulations) {
		this.simulations = simulations;
	}

	@PostMapping("/api/journeys/{key}/simulate")
	Timeline simulate(@PathVariable String key, @RequestBody SimulationRequest body) {
		return simulations.simulate(key, new Script(body.contact(), body.sampleContact(), body.segments(),
				body.events(), body.days() == null ? DEFAULT_DAYS : body.days()));
	}

	/**
	 * @param contact a stored contact's id (read, never changed)
	 * @param sampleContact a made-up contact instead
	 * @param segments segments the contact counts as a member of; absent: its real ones
	 * @param events the script: each event's name, offset ({@code after}, ISO-8601, e.g.
	 * {@code P1D}), correlation key and data
	 * @param days how far to look ahead; 30 when absent
	 */
	record SimulationRequest(String contact, SampleContact sampleContact, List<String> segments,
			List<ScriptedEvent> events, Integer days) {
	}

}
