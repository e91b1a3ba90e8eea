package io.tidings.contact.web;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.contact.Segment;
import io.tidings.contact.Segments;
import io.tidings.contact.UnknownSegment;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Segments over HTTP: define one (or replace it) under its key, read the definitions, and
 * ask who is in one now.
 */
@RestController
@RequestMapping("/api/segments")
class SegmentController {

	private final Segments segments;

	SegmentController(Segments segments) {
		this.segments = segments;
	}

	@PostMapping
	ResponseEntity<SegmentView> save(@RequestBody SegmentRequest body) {
		Segments.Saved saved = segments.save(body.key(), body.name(), body.rule());
		SegmentView view = SegmentView.of(saved.segment(), segments.count(saved.segment().key()));
		return saved.created() ? ResponseEntity.created(URI.create("/api/segments/" + view.key())).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping
	SegmentList list() {
		return new SegmentList(segments.all().stream().map(segment -> SegmentView.of(segment, null)).toList());
	}

	@GetMapping("/{key}")
	SegmentView get(@PathVariable String key) {
		Segment segment = segments.find(key).orElseThrow(() -> new UnknownSegment(key));
		return SegmentView.of(segment, segments.count(key));
	}

	@GetMapping("/{key}/count")
	SegmentCount count(@PathVariable String key) {
		return new SegmentCount(key, segments.count(key));
	}

	@GetMapping("/{key}/contacts")
	SegmentMembers contacts(@PathVariable String key, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw new InvalidInput(List.of(new FieldError("page", "must be 0 or more")));
		}
		if (size < 1 || size > ContactController.MAX_PAGE_SIZE) {
			throw new InvalidInput(
					List.of(new FieldError("size", "must be between 1 and " + ContactController.MAX_PAGE_SIZE)));
		}
		long total = segments.count(key);
		return new SegmentMembers(key, page, size, total,
				segments.members(key, page, size).stream().map(ContactView::of).toList());
	}

	@DeleteMapping("/{key}")
	ResponseEntity<Void> delete(@PathVariable String key) {
		if (!segments.delete(key)) {
			throw new UnknownSegment(key);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * Here only: an unknown segment met anywhere else (a journey's gateway) is the
	 * journey's technical failure, not the caller's 404.
	 */
	@ExceptionHandler(UnknownSegment.class)
	ResponseEntity<ProblemDetail> unknownSegment(UnknownSegment ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown segment");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	record SegmentRequest(String key, String name, JsonNode rule) {
	}

	record SegmentList(List<SegmentView> segments) {
	}

	record SegmentCount(String key, long count) {
	}

	record SegmentMembers(String key, int page, int size, long total, List<ContactView> contacts) {
	}

}
