package io.tidings.contact.web;

import java.util.List;

import io.tidings.contact.ContactNeedsEmail;
import io.tidings.contact.UnknownContact;
import io.tidings.platform.InputErrors.FieldError;
import io.tidings.platform.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The contact module's failures as problem details, wherever they surface (a new contact
 * without an address arrives through the event API). Ordered before the platform's
 * catch-all handler, which would otherwise answer them with a 500.
 */
@RestControllerAdvice(basePackages = "io.tidings")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContactProblems {

	@ExceptionHandler(ContactNeedsEmail.class)
	ResponseEntity<ProblemDetail> contactNeedsEmail(ContactNeedsEmail ex) {
		return ResponseEntity.badRequest()
			.body(Problems.invalidFields(List.of(new FieldError("contact.email", "is required: " + ex.getMessage()))));
	}

	@ExceptionHandler(UnknownContact.class)
	ResponseEntity<ProblemDetail> unknownContact(UnknownContact ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown contact");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

}
