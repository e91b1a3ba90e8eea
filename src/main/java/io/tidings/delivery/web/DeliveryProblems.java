package io.tidings.delivery.web;

import io.tidings.delivery.DeliveryNotRetryable;
import io.tidings.delivery.MalformedFeedbackReport;
import io.tidings.delivery.UnknownDelivery;
import io.tidings.platform.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The delivery module's failures as problem details, before the catch-all handler. */
@RestControllerAdvice(basePackages = "io.tidings")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeliveryProblems {

	@ExceptionHandler(UnknownDelivery.class)
	ResponseEntity<ProblemDetail> unknownDelivery(UnknownDelivery ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.notFound("Unknown delivery", ex.getMessage()));
	}

	@ExceptionHandler(DeliveryNotRetryable.class)
	ResponseEntity<ProblemDetail> deliveryNotRetryable(DeliveryNotRetryable ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Problems.conflict("Delivery cannot be retried", ex.getMessage()));
	}

	@ExceptionHandler(MalformedFeedbackReport.class)
	ResponseEntity<ProblemDetail> malformedFeedbackReport(MalformedFeedbackReport ex) {
		return ResponseEntity.badRequest().body(Problems.badRequest("Not a feedback report", ex.getMessage()));
	}

}
