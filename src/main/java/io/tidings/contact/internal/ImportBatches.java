package io.tidings.contact.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.tidings.contact.ContactImport;
import io.tidings.contact.ContactImportProperties;
import io.tidings.contact.ImportRejection;
import io.tidings.contact.internal.ImportRows.Checked;
import io.tidings.contact.internal.ImportRows.Outcome;
import io.tidings.contact.internal.ImportRows.Rejected;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
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

	ImportBatches(ContactBatch contacts, ImportLog log, TransactionTemplate transaction,
			ContactImportProperties properties, Clock clock) {
		this.contacts = contacts;
		this.log = log;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	Run start(String id, String startedBy, String emailColumn) {
		ContactImport started = new ContactImport(id, ContactImport.RUNNING, startedBy, clock.instant(), null, 0, 0, 0,
				0, null);
		log.start(id, startedBy, started.startedAt());
		return new Run(started, emailColumn);
	}

	/**
	 * One import under way: the rows of the batch being filled, and the counts so far.
	 */
	final class Run {

		private final String emailColumn;

		private final List<Checked> checked = new ArrayList<>();

		private final List<ImportRejection> rejected = new ArrayList<>();

		private ContactImport committed;

		private Run(ContactImport started, String emailColumn) {
			this.committed = started;
			this.emailColumn = emailColumn;
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
				catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
					// Another import or an event created or locked one of these contacts
					// first; the next attempt sees it as stored.
					if (attempt == ATTEMPTS) {
						throw ex;
					}
				}
			}
			checked.clear();
			rejected.clear();
		}

		private ContactImport commit() {
			ContactBatch.Written written = contacts.write(checked, emailColumn);
			List<ImportRejection> rejections = new ArrayList<>(rejected);
			rejections.addAll(written.rejections());
			log.reject(committed.id(), rejections);
			ContactImport next = new ContactImport(committed.id(), committed.status(), committed.startedBy(),
					committed.startedAt(), null, rows(), committed.created() + written.created(),
					committed.updated() + written.updated(), committed.rejected() + rejections.size(), null);
			log.progress(next, clock.instant());
			return next;
		}

	}

}
