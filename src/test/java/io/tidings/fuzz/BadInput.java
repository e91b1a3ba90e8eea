package io.tidings.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One generated request body: what kind of damage it carries (for the summary and for
 * reproducing a failure), the Content-Type it is sent with, and its bytes.
 */
record BadInput(String kind, String contentType, byte[] body) {

	static BadInput of(String kind, String contentType, String body) {
		return new BadInput(kind, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	/** The start of the body, readable in a failure message. */
	String preview() {
		String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
		return kind + " (" + body.length + " bytes, " + contentType + "): " + text.replace("\u0000", "\\0");
	}

}
