package io.tidings.experiment.web;

import io.tidings.experiment.UnknownExperiment;
import io.tidings.platform.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The experiment module's failures as problem details, before the catch-all handler. */
@RestControllerAdvice(basePackages = "io.tidings")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExperimentProblems {

	@ExceptionHandler(UnknownExperiment.class)
	ResponseEntity<ProblemDetail> unknownExperiment(UnknownExperiment ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.notFound("Unknown experiment", ex.getMessage()));
	}

}
