package io.tidings.contact;

/**
 * An import file went past {@code tidings.api.max-import-body-bytes} while it was read;
 * nothing was stored.
 */
public class ImportTooLarge extends RuntimeException {

	public ImportTooLarge(String message) {
		super(message);
	}

}
