package io.tidings.contact;

import java.util.List;

/**
 * An all-or-nothing import found bad rows, or a file it could not read to its end, and
 * stored nothing.
 *
 * @param failure why the file could not be read to its end, or null when it could
 * @param listed the bad rows found, in file order, at most {@link #MOST_LISTED}
 * @param badRows how many bad rows were found in all
 */
public class ImportRefused extends RuntimeException {

	public static final int MOST_LISTED = 1000;

	private final transient List<ImportRejection> listed;

	private final long badRows;

	public ImportRefused(String failure, List<ImportRejection> listed, long badRows) {
		super(failure);
		this.listed = List.copyOf(listed);
		this.badRows = badRows;
	}

	/** Why the file could not be read to its end, or null when it could. */
	public String failure() {
		return getMessage();
	}

	public List<ImportRejection> listed() {
		return listed;
	}

	public long badRows() {
		return badRows;
	}

}
