package io.tidings.journey.web;

import java.util.List;

import io.tidings.journey.JourneyCatalog;
import io.tidings.journey.JourneyCatalog.JourneySummary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/journeys}: the deployed journeys with their versions and counts. */
@RestController
class JourneyController {

	private final JourneyCatalog catalog;

	JourneyController(JourneyCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/journeys")
	List<JourneySummary> journeys() {
		return catalog.all();
	}

}
