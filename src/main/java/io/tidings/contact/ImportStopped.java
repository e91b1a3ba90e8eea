package io.tidings.contact;

/**
 * An import stopped before the end of its file: the file broke the CSV format, was not
 * UTF-8, had too many rows, or the upload broke off. The batches before that point stay
 * imported; {@code partial} says how far it got.
 */
public class ImportStopped extends RuntimeException {

	private final ContactImport partial;

	public ImportStopped(ContactImport partial) {
		super(partial.failure());
		this.partial = partial;
	}

	public ContactImport partial() {
		return partial;
	}

}
