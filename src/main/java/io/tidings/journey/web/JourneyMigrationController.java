package io.tidings.journey.web;

import java.net.URI;
import java.util.List;

import io.tidings.journey.JourneyMigrations;
import io.tidings.journey.MigrationPlan;
import io.tidings.journey.MigrationProgress;
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
 * {@code POST /api/journeys/{key}/migrations} answers what moving the journey's running
 * instances to a newer version would do; with {@code "confirm": true} it starts moving
 * those that can. {@code GET} shows the batches and how far they got.
 */
@RestController
@RequestMapping("/api/journeys/{key}/migrations")
class JourneyMigrationController {

	private final JourneyMigrations migrations;

	JourneyMigrationController(JourneyMigrations migrations) {
		this.migrations = migrations;
	}

	@PostMapping
	ResponseEntity<MigrationPlan> migrate(@PathVariable String key,
			@RequestBody(required = false) MigrationRequest body) {
		MigrationRequest request = body == null ? new MigrationRequest(null, null, null) : body;
		if (!Boolean.TRUE.equals(request.confirm())) {
			return ResponseEntity.ok(migrations.plan(key, request.fromVersion(), request.toVersion()));
		}
		MigrationPlan started = migrations.migrate(key, request.fromVersion(), request.toVersion());
		String firstBatch = started.sources()
			.stream()
			.map(MigrationPlan.Source::batchId)
			.filter(id -> id != null)
			.findFirst()
			.orElseThrow();
		return ResponseEntity.accepted()
			.location(URI.create("/api/journeys/" + key + "/migrations/" + firstBatch))
			.body(started);
	}

	@GetMapping
	List<MigrationProgress> recent(@PathVariable String key) {
		return migrations.recent(key);
	}

	@GetMapping("/{batchId}")
	ResponseEntity<?> progress(@PathVariable String key, @PathVariable String batchId) {
		return migrations.progress(key, batchId)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Problems.notFound("Unknown migration",
						"Journey '" + key + "' has no migration batch '" + batchId + "'")));
	}

	/**
	 * @param fromVersion the one version to move from; every older one when absent
	 * @param toVersion the version to move to; the latest when absent
	 * @param confirm true to start moving; otherwise only the plan is answered
	 */
	record MigrationRequest(Integer fromVersion, Integer toVersion, Boolean confirm) {
	}

}
