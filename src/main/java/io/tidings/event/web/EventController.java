package io.tidings.event.web;

import io.tidings.event.EventIngestion;
import io.tidings.event.EventReceipt;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/events")
class EventController {

	private final EventIngestion ingestion;

	EventController(EventIngestion ingestion) {
		this.ingestion = ingestion;
	}

	@PostMapping
	ResponseEntity<EventAccepted> post(@Valid @RequestBody EventRequest request) {
		EventReceipt receipt = ingestion.ingest(request.toEvent());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Idempotent-Replayed", String.valueOf(receipt.replayed()))
			.body(new EventAccepted(receipt.eventId(), receipt.startedJourneys(), receipt.continuedJourneys(),
					receipt.skippedJourneys() > 0 ? receipt.skippedJourneys() : null, receipt.skipReason()));
	}

	/**
	 * skippedJourneys and skipReason appear only when the address kept journeys from
	 * starting.
	 */
	record EventAccepted(String eventId, int startedJourneys, int continuedJourneys, Integer skippedJourneys,
			String skipReason) {
	}

}
