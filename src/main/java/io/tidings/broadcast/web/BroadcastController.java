package io.tidings.broadcast.web;

import java.net.URI;
import java.util.List;

import io.tidings.broadcast.Broadcast;
import io.tidings.broadcast.Broadcasts;
import io.tidings.platform.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/broadcasts} starts a journey for every member of a segment, at a rate;
 * {@code GET /api/broadcasts/{id}} shows how far it got.
 */
@RestController
@RequestMapping("/api/broadcasts")
class BroadcastController {

	private final Broadcasts broadcasts;

	BroadcastController(Broadcasts broadcasts) {
		this.broadcasts = broadcasts;
	}

	@PostMapping
	ResponseEntity<Broadcast> create(@RequestBody NewBroadcast body) {
		Broadcast created = broadcasts.create(body.journey(), body.segment(),
				body.perSecond() == null ? 100 : body.perSecond());
		return ResponseEntity.created(URI.create("/api/broadcasts/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	ResponseEntity<?> find(@PathVariable String id) {
		return broadcasts.find(id)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Problems.notFound("Unknown broadcast", "No broadcast with id '" + id + "'")));
	}

	@GetMapping
	List<Broadcast> recent() {
		return broadcasts.recent(50);
	}

	/**
	 * @param perSecond journeys started per second; 100 when not given
	 */
	record NewBroadcast(String journey, String segment, Integer perSecond) {
	}

}
