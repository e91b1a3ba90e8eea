package io.tidings.contact;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Imports contacts from CSV files: each row is created or merged as
 * {@link Contacts#upsert} would. {@link #runWhole} stores the whole file or nothing;
 * {@link #run} commits batch by batch and sets a row that fails its checks aside with the
 * reason while the import goes on. Importing starts no journey.
 */
public interface ContactImports {

	/**
	 * Reads the file to its end, never holding more than one batch of rows.
	 * @param csv UTF-8 CSV whose first row names the columns
	 * @param consent the consent the caller vouches for every imported contact, or null
	 * @throws io.tidings.platform.InvalidInput when the consent names an unknown topic or
	 * no source; nothing was read or stored
	 * @throws MalformedImport when the header row is unusable; nothing was stored
	 * @throws ImportStopped when the file breaks off or breaks the format after the
	 * header; the batches before stay imported
	 */
	ContactImport run(InputStream csv, String startedBy, ImportConsent consent);

	/**
	 * Stores every row of the file in one transaction, or nothing: the file is first
	 * copied to a temporary file, then read in batches that stay uncommitted until its
	 * end. A row another import or an event wrote at the same moment makes it start over
	 * from the copy.
	 * @param csv UTF-8 CSV whose first row names the columns
	 * @param consent the consent the caller vouches for every imported contact, or null
	 * @throws io.tidings.platform.InvalidInput when the consent names an unknown topic or
	 * no source
	 * @throws MalformedImport when the header row is unusable or the body cannot be read
	 * @throws ImportTooLarge when the body goes past its limit
	 * @throws ImportRefused when a row is bad or the file breaks off or breaks the
	 * format; it lists the bad rows
	 */
	ContactImport runWhole(InputStream csv, String startedBy, ImportConsent consent);

	Optional<ContactImport> find(String importId);

	/**
	 * Hands the import's rejected rows to {@code action} in file order.
	 * @throws UnknownImport when there is no such import
	 */
	void forEachRejection(String importId, Consumer<ImportRejection> action);

}
