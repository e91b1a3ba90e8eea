package io.tidings.contact;

/**
 * An import file's header row says nothing usable about its columns; nothing was stored.
 */
public class MalformedImport extends RuntimeException {

	public MalformedImport(String message) {
		super(message);
	}

}
