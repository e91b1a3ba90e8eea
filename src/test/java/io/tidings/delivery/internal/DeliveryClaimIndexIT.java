package io.tidings.delivery.internal;

import java.sql.ResultSet;
import java.sql.Statement;

import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker's claim on PostgreSQL reads the unsent rows in due order from
 * deliveries_claimable and stops at its batch: no sort of the whole backlog, and the sent
 * rows (most of the table) are never read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
@DirtiesContext
class DeliveryClaimIndexIT extends PostgresApiTest {

	@Test
	void aClaimReadsItsBatchFromTheIndexOfUnsentRows() {
		mails("ci-", 40000, 4, "now() - (n || ' seconds')::interval");
		jdbc.execute("ANALYZE deliveries");

		assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'deliveries_claimable'",
				String.class))
			.contains("(next_attempt_at)")
			.contains("WHERE");
		String plan = plan(DeliveryStore.CLAIM.replace(":now", "now()").replace(":limit", "50"));
		assertThat(plan).as(plan).contains("deliveries_claimable").doesNotContain("Sort");
		// Only the batch is read, whatever the size of the backlog (10,000 rows here).
		assertThat(plan).as(plan).containsPattern("Index Scan using deliveries_claimable[^\\n]*actual [^\\n]*rows=50 ");
	}

	@Test
	void aWorkerFindsTheRowItHoldsByItsId() {
		mails("held-", 20000, 10, "now()");
		// As in production, the statistics saw next to no row in SENDING:
		// a claim's rows are there for a moment only.
		jdbc.execute("ANALYZE deliveries");
		jdbc.update("UPDATE deliveries SET status = 'SENDING', claimed_by = 'w' WHERE status = 'QUEUED'");

		String heldByW = DeliveryStore.HELD.replace(":worker", "'w'");
		String update = "UPDATE deliveries SET status = 'SENT' WHERE id = 'held-10' AND ";
		String byStatus = plan(update + "status = 'SENDING' AND claimed_by = 'w'");
		assertThat(byStatus).as("the plain status comparison, for contrast").doesNotContain("deliveries_pkey");
		String held = plan(update + heldByW);
		assertThat(held).as(held).contains("Index Scan using deliveries_pkey").contains("rows=1 ");
		String renewal = plan("SELECT id FROM deliveries WHERE id IN ('held-10', 'held-20') AND " + heldByW);
		assertThat(renewal).as(renewal).contains("Index Scan using deliveries_pkey");
	}

	/**
	 * Mails queued a day ago and sent, but every {@code queuedEvery}th one still queued
	 * and due at {@code dueAt} (an SQL expression of the row number {@code n}).
	 */
	private void mails(String idPrefix, int count, int queuedEvery, String dueAt) {
		jdbc.update("""
				INSERT INTO deliveries (id, dedupe_key, message_id, contact_id, template_key, category, recipient,
				                        subject, html_body, text_body, status, attempts, next_attempt_at, created_at,
				                        sent_at)
				SELECT '%1$s' || n, '%1$s' || n, '<%1$s' || n || '@test>', 'c-' || (n %% 1000), 'welcome', 'MARKETING',
				       'c' || (n %% 1000) || '@example.com', 'Hello', '<p>Hello</p>', 'Hello',
				       CASE WHEN n %% %2$d = 0 THEN 'QUEUED' ELSE 'SENT' END, 1, %3$s, now() - interval '1 day',
				       CASE WHEN n %% %2$d = 0 THEN NULL ELSE now() END
				FROM generate_series(1, %4$d) AS n""".formatted(idPrefix, queuedEvery, dueAt, count));
	}

	private String plan(String query) {
		return jdbc.execute((ConnectionCallback<String>) connection -> {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, TIMING OFF) " + query)) {
				StringBuilder lines = new StringBuilder();
				while (rows.next()) {
					lines.append(rows.getString(1)).append('\n');
				}
				return lines.toString();
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		});
	}

}
