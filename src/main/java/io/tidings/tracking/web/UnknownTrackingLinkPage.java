package io.tidings.tracking.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A plain 404 page for an unknown or tampered tracking link: no stack trace, nothing
 * about the mail or its recipient.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = TrackingController.class)
class UnknownTrackingLinkPage {

	@ExceptionHandler(UnknownTrackingLink.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknown() {
		return "tracking/unknown-link";
	}

}
