package io.tidings.platform;

import java.io.IOException;

/**
 * A request body went past its limit ({@code tidings.api.max-body-bytes} and the others),
 * found while reading it.
 */
public class BodyTooLarge extends IOException {

	BodyTooLarge(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}

}
