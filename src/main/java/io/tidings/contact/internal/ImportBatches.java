package io.tidings.contact.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.tidings.contact.ContactImport;
import io.tidings.contact.ContactImportProperties;
import io.tidings.contact.ImportConsent;
import io.tidings.contact.ImportConsentRecorder;
import io.tidings.contact.ImportConsentRecorder.Recorded;
import io.tidings.contact.ImportRefused;
import io.tidings.contact.ImportRejection;
import io.tidings.contact.internal.ImportRows.Checked;
import io.tidings.contact.internal.ImportRows.Outcome;
import io.tidings.contact.internal.ImportRows.Rejected;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits an import's rows a batch at a time: the contacts, the rejected rows and the
 * import's counts in one transaction, so a crash leaves whole batches and counts that say
 * how far it got. Running the same file again is safe: each row is an upsert.
 */
@Component
class ImportBatches {

	private static final int ATTEMPTS = 3;

	private final ContactBatch contacts;

	private final ImportLog log;

	private final TransactionTemplate transaction;

	private final ContactImportProperties properties;

	private final Clock clock;

	private final ImportConsentRecorder consents;

	ImportBatches(ContactBatch contacts, ImportLog log, TransactionTemplate transaction,
			ContactImportProperties properties, Clock clock, ImportConsentRecorder consents) {
		this.contacts = contacts;
		this.consents = consents;
		this.log = log;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param consent what the caller vouches for, already checked, or null
	 * @param whole whether the caller's transaction holds the whole import: batches join
	 * it rather than commit, are not tried again on their own, and the bad rows are kept
	 * (the first {@link ImportRefused#MOST_LISTED}) for the caller to list
	 */
	Run start(String id, String startedBy, String emailColumn, ImportConsent consent, boolean whole) {
		ContactImport started = new ContactImport(id, ContactImport.RUNNING, startedBy, clock.instant(), null, 0, 0, 0,
				0, null,
				consent == null ? null : new ContactImport.Consent(consent.topics(), consent.source().strip(), 0, 0));
		log.start(started);
		return new Run(started, emailColumn, consent, whole);
	}

	/**
	 * One import under way: the rows of the batch being filled, and the counts so far.
	 */
	final class Run {

		private final String emailColumn;

		private final ImportConsent consent;

		private final boolean whole;

		private final List<ImportRejection> listed = new ArrayList<>();

		private final List<Checked> checked = new ArrayList<>();

		private final List<ImportRejection> rejected = new ArrayList<>();

		private ContactImport committed;

		private Run(ContactImport started, String emailColumn, ImportConsent consent, boolean whole) {
			this.committed = started;
			this.whole = whole;
			this.emailColumn = emailColumn;
			this.consent = consent;
		}

		/** The bad rows written so far, in file order (only when whole). */
		List<ImportRejection> listed() {
			return listed.stream().sorted(Comparator.comparingLong(ImportRejection::row)).toList();
		}

		/** Rows read so far, committed or not. */
		long rows() {
			return committed.rows() + checked.size() + rejected.size();
		}

		void add(Outcome row) {
			if (row instanceof Checked good) {
				checked.add(good);
			}
			else if (row instanceof Rejected bad) {
				rejected.add(bad.rejection());
			}
			if (checked.size() + rejected.size() >= properties.batchSize()) {
				flush();
			}
		}

		/**
		 * Commits what is left and closes the import.
		 * @param failure why the file could not be read to its end, or null
		 */
		ContactImport finish(String failure) {
			try {
				flush();
			}
			catch (RuntimeException ex) {
				abandon(ex);
				throw ex;
			}
			log.finish(committed.id(), failure == null ? ContactImport.COMPLETED : ContactImport.FAILED, failure,
					clock.instant());
			return log.find(committed.id()).orElseThrow();
		}

		/**
		 * Marks the import failed after a batch could not be stored. The cause goes to
		 * the caller (and the logs), not into the import's record, which callers can
		 * read.
		 */
		void abandon(RuntimeException cause) {
			if (whole) {
				return;
			}
			try {
				log.finish(committed.id(), ContactImport.FAILED,
						"Storing a batch failed on our side after " + committed.rows()
								+ " rows; the batches before it stay imported. Import the file again.",
						clock.instant());
			}
			catch (RuntimeException ex) {
				cause.addSuppressed(ex);
			}
		}

		private void flush() {
			if (checked.isEmpty() && rejected.isEmpty()) {
				return;
			}
			for (int attempt = 1;; attempt++) {
				try {
					committed = transaction.execute(status -> commit());
					break;
				}
				catch (DuplicateKeyException | ConcurrencyFailureException ex) {
					// Another import or an event created or locked one of these contacts
					// first, or the contact decided on a topic at that moment; the next
					// attempt sees it as stored.
					if (whole || attempt == ATTEMPTS) {
						throw ex;
					}
				}
			}
			checked.clear();
			rejected.clear();
		}

		private ContactImport.Consent consentAfter(ContactBatch.Written written) {
			ContactImport.Consent before = committed.consent();
			if (consent == null) {
				return before;
			}
			Recorded recorded = consents.record(committed.id(), written.contacts(), consent);
			return new ContactImport.Consent(before.topics(), before.source(),
					before.subscribed() + recorded.subscribed(), before.kept() + recorded.kept());
		}

		private ContactImport commit() {
			ContactBatch.Written written = contacts.write(checked, emailColumn);
			List<ImportRejection> rejections = new ArrayList<>(rejected);
			rejections.addAll(written.rejections());
			log.reject(committed.id(), rejections);
			if (whole) {
				rejections.stream().limit(ImportRefused.MOST_LISTED - listed.size()).forEach(listed::add);
			}
			ContactImport next = new ContactImport(committed.id(), committed.status(), committed.startedBy(),
					committed.startedAt(), null, rows(), committed.created() + written.created(),
					committed.updated() + written.updated(), committed.rejected() + rejections.size(), null,
					consentAfter(written));
			log.progress(next, clock.instant());
			return next;
		}

	}

}
