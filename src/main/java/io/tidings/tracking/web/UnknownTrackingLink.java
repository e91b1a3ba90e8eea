package io.tidings.tracking.web;

/** A tracking token that names no mail or link: unknown, tampered or erased. */
class UnknownTrackingLink extends RuntimeException {

	UnknownTrackingLink() {
		super("Unknown tracking link", null, false, false);
	}

}
