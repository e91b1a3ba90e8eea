package io.tidings.consent.web;

import io.tidings.consent.UnknownUnsubscribeToken;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * One plain 404 page for every recipient page's unknown, tampered or revoked link: it
 * names nobody and says nothing about why.
 */
@ControllerAdvice(
		assignableTypes = { UnsubscribeController.class, PreferenceController.class, ConfirmController.class })
class UnknownLinkPage {

	@ExceptionHandler(UnknownUnsubscribeToken.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknown() {
		return "consent/unknown-link";
	}

}
