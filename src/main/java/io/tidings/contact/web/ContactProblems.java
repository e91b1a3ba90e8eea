package io.tidings.contact.web;

import java.util.List;

import io.tidings.contact.ContactNeedsEmail;
import io.tidings.contact.UnknownContact;
import io.tidings.platform.InputErrors;
import io.tidings.platform.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The contact module's failures as problem details, wherever they surface (the event API
 * creates contacts too). Ordered before the catch-all handler.
 */
@RestControllerAdvice(basePackages = "io.tidings")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContactProblems {

	@ExceptionHandler(ContactNeedsEmail.class)
	ResponseEntity<ProblemDetail> contactNeedsEmail(ContactNeedsEmail ex) {
		return ResponseEntity.badRequest()
			.body(Problems.invalidFields(
					List.of(new InputErrors.FieldError("contact.email", "is required: " + ex.getMessage()))));
	}

	@ExceptionHandler(UnknownContact.class)
	ResponseEntity<ProblemDetail> unknownContact(UnknownContact ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.notFound("Unknown contact", ex.getMessage()));
	}

}
