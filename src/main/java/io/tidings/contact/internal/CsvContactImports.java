package io.tidings.contact.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.tidings.contact.ContactImport;
import io.tidings.contact.ContactImportProperties;
import io.tidings.contact.ContactImports;
import io.tidings.contact.ImportConsent;
import io.tidings.contact.ImportConsentRecorder;
import io.tidings.contact.ImportRefused;
import io.tidings.contact.ImportRejection;
import io.tidings.contact.ImportStopped;
import io.tidings.contact.ImportTooLarge;
import io.tidings.contact.MalformedImport;
import io.tidings.contact.UnknownImport;
import io.tidings.contact.internal.CsvReader.MalformedCsv;
import io.tidings.contact.internal.ImportHeader.Field;
import io.tidings.platform.BodyTooLarge;
import jakarta.validation.Validator;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the file row by row and hands the rows to {@link ImportBatches} a batch at a
 * time, so memory holds one batch, whatever the size of the file. A problem with the
 * header stops the import before anything is stored. A whole import runs in one
 * transaction, which a bad row or a problem later in the file rolls back; otherwise each
 * batch commits, bad rows are set aside, and a problem later in the file stops the import
 * after the batches before, which stay.
 */
@Service
class CsvContactImports implements ContactImports {

	private static final int ATTEMPTS = 3;

	private final ImportBatches batches;

	private final ImportLog log;

	private final Validator validator;

	private final ContactImportProperties properties;

	private final ImportConsentRecorder consents;

	private final TransactionTemplate transaction;

	CsvContactImports(ImportBatches batches, ImportLog log, Validator validator, ContactImportProperties properties,
			ImportConsentRecorder consents, TransactionTemplate transaction) {
		this.batches = batches;
		this.transaction = transaction;
		this.consents = consents;
		this.log = log;
		this.validator = validator;
		this.properties = properties;
	}

	@Override
	public ContactImport run(InputStream csv, String startedBy, ImportConsent consent) {
		if (consent != null) {
			consents.check(consent);
		}
		return read(csv, startedBy, consent, false);
	}

	@Override
	public ContactImport runWhole(InputStream csv, String startedBy, ImportConsent consent) {
		if (consent != null) {
			consents.check(consent);
		}
		Path copy = copy(csv);
		try {
			for (int attempt = 1;; attempt++) {
				try {
					return transaction.execute(status -> readCopy(copy, startedBy, consent));
				}
				catch (DuplicateKeyException | ConcurrencyFailureException ex) {
					// Another import or an event wrote one of these contacts first; the
					// next attempt sees it as stored.
					if (attempt == ATTEMPTS) {
						throw ex;
					}
				}
			}
		}
		finally {
			try {
				Files.deleteIfExists(copy);
			}
			catch (IOException ex) {
				copy.toFile().deleteOnExit();
			}
		}
	}

	private static Path copy(InputStream csv) {
		Path copy = null;
		try {
			copy = Files.createTempFile("tidings-import-", ".csv");
			try (OutputStream out = Files.newOutputStream(copy)) {
				csv.transferTo(out);
			}
			return copy;
		}
		catch (IOException ex) {
			if (copy != null) {
				copy.toFile().delete();
			}
			if (ex instanceof BodyTooLarge) {
				throw new ImportTooLarge(ex.getMessage());
			}
			throw new MalformedImport("The file could not be read to its end: " + ex.getMessage());
		}
	}

	private ContactImport readCopy(Path copy, String startedBy, ImportConsent consent) {
		try (InputStream in = Files.newInputStream(copy)) {
			return read(in, startedBy, consent, true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ContactImport read(InputStream csv, String startedBy, ImportConsent consent, boolean whole) {
		CsvReader reader = new CsvReader(new StrictUtf8Reader(csv), properties.maxRowChars());
		ImportHeader header = ImportHeader.of(header(reader));
		ImportRows rows = new ImportRows(header, validator);
		ImportBatches.Run run = batches.start(UUID.randomUUID().toString(), startedBy, header.columnOf(Field.EMAIL),
				consent, whole);
		String failure = null;
		try {
			long row = 1;
			for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
				row++;
				if (record.blank()) {
					continue;
				}
				if (run.rows() == properties.maxRows()) {
					failure = "The file has more than " + properties.maxRows() + " rows; the import stopped at row "
							+ row + " (line " + record.line() + ")";
					break;
				}
				run.add(rows.check(row, record));
			}
		}
		catch (MalformedCsv ex) {
			failure = "The file breaks the CSV format: " + ex.getMessage();
		}
		catch (CharacterCodingException ex) {
			failure = "The file is not UTF-8 text at line " + reader.line() + "; save it as CSV in UTF-8";
		}
		catch (IOException ex) {
			failure = "Reading the file failed at line " + reader.line() + ": " + ex.getMessage();
		}
		catch (RuntimeException ex) {
			run.abandon(ex);
			throw ex;
		}
		ContactImport done = run.finish(failure);
		if (whole && (failure != null || done.rejected() > 0)) {
			throw new ImportRefused(failure, run.listed(), done.rejected());
		}
		if (failure != null) {
			throw new ImportStopped(done);
		}
		return done;
	}

	private static List<String> header(CsvReader reader) {
		try {
			CsvReader.Record header = reader.next();
			if (header == null) {
				throw new MalformedImport(
						"The file is empty: its first row must name the columns, one of them id (e.g. id,email)");
			}
			if (header.blank()) {
				throw new MalformedImport(
						"The first row of the file is empty; it must name the columns, one of them id");
			}
			if (header.problem() != null) {
				throw new MalformedImport("The header row " + header.problem());
			}
			return header.cells();
		}
		catch (CharacterCodingException ex) {
			throw new MalformedImport("The header row is not UTF-8 text; save the file as CSV in UTF-8");
		}
		catch (IOException ex) {
			throw new MalformedImport("The header row cannot be read: " + ex.getMessage());
		}
	}

	@Override
	public Optional<ContactImport> find(String importId) {
		return log.find(importId);
	}

	@Override
	public void forEachRejection(String importId, Consumer<ImportRejection> action) {
		if (log.find(importId).isEmpty()) {
			throw new UnknownImport(importId);
		}
		log.forEachRejection(importId, action);
	}

}
