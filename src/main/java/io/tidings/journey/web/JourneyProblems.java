package io.tidings.journey.web;

import io.tidings.journey.NothingToMigrate;
import io.tidings.journey.UnknownJourney;
import io.tidings.journey.UnknownJourneyVersion;
import io.tidings.platform.Problems;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(basePackages = "io.tidings")
@Order(Ordered.HIGHEST_PRECEDENCE)
class JourneyProblems {

	@ExceptionHandler(UnknownJourney.class)
	ResponseEntity<ProblemDetail> unknownJourney(UnknownJourney ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.notFound("Unknown journey", ex.getMessage()));
	}

	@ExceptionHandler(UnknownJourneyVersion.class)
	ResponseEntity<ProblemDetail> unknownVersion(UnknownJourneyVersion ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.notFound("Unknown journey version", ex.getMessage()));
	}

	@ExceptionHandler(NothingToMigrate.class)
	ResponseEntity<ProblemDetail> nothingToMigrate(NothingToMigrate ex) {
		ProblemDetail problem = Problems.conflict("Nothing to migrate", ex.getMessage());
		problem.setProperty("plan", ex.plan());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	/** The engine refused the mapping of equal steps between two versions. */
	@ExceptionHandler(MigrationPlanValidationException.class)
	ResponseEntity<ProblemDetail> invalidPlan(MigrationPlanValidationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				"The engine cannot map these versions onto each other: " + ex.getValidationReport()
					.getInstructionReports()
					.stream()
					.flatMap(report -> report.getFailures().stream())
					.toList());
		problem.setTitle("Versions cannot be migrated");
		return ResponseEntity.unprocessableEntity().body(problem);
	}

}
