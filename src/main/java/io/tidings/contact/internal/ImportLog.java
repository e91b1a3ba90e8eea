package io.tidings.contact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.tidings.contact.ContactImport;
import io.tidings.contact.ImportRejection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contact_imports and contact_import_rejections tables: each import's counts, kept up
 * to date with every batch it commits, and the rows it set aside.
 */
@Component
class ImportLog {

	private static final int REJECTIONS_FETCH_SIZE = 1000;

	/** Given, so a null id costs no round trip to ask the driver for its type. */
	private static final int[] REJECTION_TYPES = { Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR };

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	ImportLog(JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	void start(ContactImport started) {
		ContactImport.Consent consent = started.consent();
		Timestamp at = Timestamp.from(started.startedAt());
		jdbc.update("""
				INSERT INTO contact_imports (id, status, started_by, started_at, updated_at, row_count, created_count,
				                             updated_count, rejected_count, consent_topics, consent_source)
				VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)""", started.id(), ContactImport.RUNNING,
				clip(started.startedBy(), 255), at, at,
				consent == null ? null : clip(String.join(",", consent.topics()), 1000),
				consent == null ? null : clip(consent.source(), 255));
	}

	/**
	 * Records how far the import has got, in the transaction of the batch that got it
	 * there.
	 */
	void progress(ContactImport progress, Instant at) {
		jdbc.update("""
				UPDATE contact_imports SET row_count = ?, created_count = ?, updated_count = ?, rejected_count = ?,
				                           consent_subscribed_count = ?, consent_kept_count = ?, updated_at = ?
				WHERE id = ?""", progress.rows(), progress.created(), progress.updated(), progress.rejected(),
				progress.consent() == null ? 0 : progress.consent().subscribed(),
				progress.consent() == null ? 0 : progress.consent().kept(), Timestamp.from(at), progress.id());
	}

	void finish(String id, String status, String failure, Instant at) {
		jdbc.update("UPDATE contact_imports SET status = ?, failure = ?, updated_at = ?, finished_at = ? WHERE id = ?",
				status, clip(failure, 2000), Timestamp.from(at), Timestamp.from(at), id);
	}

	void reject(String importId, List<ImportRejection> rejections) {
		if (rejections.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("""
				INSERT INTO contact_import_rejections (import_id, row_no, line_no, contact_id, column_names, reason)
				VALUES (?, ?, ?, ?, ?, ?)""", rejections.stream()
			.map(rejection -> new Object[] { importId, rejection.row(), rejection.line(),
					clip(rejection.contactId(), 255), clip(rejection.column(), 1000), clip(rejection.reason(), 2000) })
			.toList(), REJECTION_TYPES);
	}

	Optional<ContactImport> find(String id) {
		return jdbc.query("SELECT * FROM contact_imports WHERE id = ?", ImportLog::map, id).stream().findFirst();
	}

	/** Streams the rejections in row order, a page of rows at a time. */
	void forEachRejection(String importId, Consumer<ImportRejection> action) {
		transaction.executeWithoutResult(status -> {
			JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
			streaming.setFetchSize(REJECTIONS_FETCH_SIZE);
			streaming.query("""
					SELECT row_no, line_no, contact_id, column_names, reason FROM contact_import_rejections
					WHERE import_id = ? ORDER BY row_no""",
					(RowCallbackHandler) rs -> action
						.accept(new ImportRejection(rs.getLong("row_no"), rs.getLong("line_no"),
								rs.getString("contact_id"), rs.getString("column_names"), rs.getString("reason"))),
					importId);
		});
	}

	private static ContactImport map(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ContactImport(rs.getString("id"), rs.getString("status"), rs.getString("started_by"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getLong("row_count"), rs.getLong("created_count"), rs.getLong("updated_count"),
				rs.getLong("rejected_count"), rs.getString("failure"), consent(rs));
	}

	private static ContactImport.Consent consent(ResultSet rs) throws SQLException {
		String topics = rs.getString("consent_topics");
		if (topics == null) {
			return null;
		}
		return new ContactImport.Consent(List.of(topics.split(",")), rs.getString("consent_source"),
				rs.getLong("consent_subscribed_count"), rs.getLong("consent_kept_count"));
	}

	/** Cuts text to fit its column; a cut shows as a trailing ellipsis. */
	static String clip(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
		return text.substring(0, end) + "…";
	}

}
