package io.tidings.platform;

import java.io.IOException;

/** A request body went past {@code tidings.api.max-body-bytes}. */
class BodyTooLarge extends IOException {

	BodyTooLarge(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}

}
