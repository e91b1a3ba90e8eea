package io.tidings.event.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.contact.ContactNeedsEmail;
import io.tidings.event.EventIngestion;
import io.tidings.event.EventReceipt;
import io.tidings.event.IncomingEvent;
import io.tidings.platform.InputErrors;
import io.tidings.platform.InputErrors.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/events/batch}: up to 1,000 events, each handled exactly as
 * {@code POST /api/events} would handle it; a group of events shares a transaction, and
 * when one of them fails the group goes again one event at a time, so one bad event
 * neither stops nor undoes the others. The answer has one result per event, in order.
 */
@RestController
@RequestMapping("/api/events/batch")
class EventBatchController {

	static final int MAX_EVENTS = 1000;

	private static final Logger log = LoggerFactory.getLogger(EventBatchController.class);

	private final EventIngestion ingestion;

	private final ObjectMapper json;

	private final Validator validator;

	EventBatchController(EventIngestion ingestion, ObjectMapper json, Validator validator) {
		this.ingestion = ingestion;
		this.json = json;
		this.validator = validator;
	}

	@PostMapping
	BatchAnswer post(@Valid @RequestBody BatchRequest batch) {
		Result[] results = new Result[batch.events().size()];
		List<Integer> positions = new ArrayList<>();
		List<IncomingEvent> valid = new ArrayList<>();
		for (int index = 0; index < results.length; index++) {
			Checked checked = check(index, batch.events().get(index));
			if (checked.rejection() != null) {
				results[index] = checked.rejection();
			}
			else {
				positions.add(index);
				valid.add(checked.event());
			}
		}
		List<EventIngestion.Outcome> outcomes = ingestion.ingestAll(valid);
		for (int k = 0; k < outcomes.size(); k++) {
			results[positions.get(k)] = result(positions.get(k), outcomes.get(k));
		}
		return BatchAnswer.of(List.of(results));
	}

	private Checked check(int index, JsonNode node) {
		if (node == null || !node.isObject()) {
			return Checked.rejected(index, List.of(new FieldError("", "must be a JSON object")));
		}
		EventRequest request;
		try {
			request = json.treeToValue(node, EventRequest.class);
		}
		catch (JsonMappingException ex) {
			return Checked.rejected(index,
					List.of(InputErrors.of(ex).orElse(new FieldError("", "is not a valid event"))));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			return Checked.rejected(index, List.of(new FieldError("", "is not a valid event")));
		}
		Set<ConstraintViolation<EventRequest>> violations = validator.validate(request);
		if (!violations.isEmpty()) {
			return Checked.rejected(index, InputErrors.of(violations));
		}
		return new Checked(request.toEvent(), null);
	}

	/** An event of the batch that passed the checks, or the result that rejects it. */
	private record Checked(IncomingEvent event, Result rejection) {

		static Checked rejected(int index, List<FieldError> errors) {
			return new Checked(null, Result.rejected(index, errors));
		}

	}

	private static Result result(int index, EventIngestion.Outcome outcome) {
		if (outcome.failure() == null) {
			EventReceipt receipt = outcome.receipt();
			return new Result(index, receipt.replayed() ? "replayed" : "accepted", receipt.eventId(),
					receipt.startedJourneys(), receipt.continuedJourneys(), null, receipt.skipReason());
		}
		if (outcome.failure() instanceof ContactNeedsEmail ex) {
			return Result.rejected(index, List.of(new FieldError("contact.email", "is required: " + ex.getMessage())));
		}
		String reference = UUID.randomUUID().toString();
		log.error("Event {} of a batch failed, reference {}", index, reference, outcome.failure());
		return new Result(index, "failed", null, 0, 0, null,
				"Something went wrong on our side; nothing was stored for this event. Reference: " + reference);
	}

	record BatchRequest(@NotNull @Size(min = 1, max = MAX_EVENTS,
			message = "must hold between 1 and " + MAX_EVENTS + " events") List<JsonNode> events) {
	}

	/**
	 * @param status accepted, replayed (an id seen before: nothing ran), rejected (bad
	 * input: nothing stored) or failed (our fault: nothing stored, try again)
	 */
	record Result(int index, String status, String eventId, int startedJourneys, int continuedJourneys,
			List<FieldError> errors, String detail) {

		static Result rejected(int index, List<FieldError> errors) {
			return new Result(index, "rejected", null, 0, 0, errors, null);
		}

	}

	record BatchAnswer(int accepted, int replayed, int rejected, int failed, List<Result> results) {

		static BatchAnswer of(List<Result> results) {
			return new BatchAnswer(count(results, "accepted"), count(results, "replayed"), count(results, "rejected"),
					count(results, "failed"), results);
		}

		private static int count(List<Result> results, String status) {
			return (int) results.stream().filter(result -> status.equals(result.status())).count();
		}

	}

}
