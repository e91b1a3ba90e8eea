package io.tidings.delivery;

import java.time.Duration;
import java.util.Map;

import io.tidings.support.AppProcess;
import io.tidings.support.ChaosSettings;
import io.tidings.support.DeliveriesTable;
import io.tidings.support.DeliveryAudit;
import io.tidings.support.EventLoad;
import io.tidings.support.Eventually;
import io.tidings.support.PostgresServer;
import io.tidings.support.SmtpSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Two nodes on one database, each taking half of the events. The workers of both claim
 * from the one outbox (a node wakes its own workers when it commits a row, and both poll
 * for the rest), so they compete for the same rows. Each mail must arrive exactly once,
 * and both nodes must have sent some.
 */
class TwoNodeIT {

	static final int JOURNEYS = ChaosSettings.journeys(2000);

	// A bound on liveness, not a speed test: a quiet machine settles in well under a
	// minute, but with the two cores shared by other builds 2,000 events took over 3.
	static final Duration PATIENCE = ChaosSettings.patience(Duration.ofMinutes(6));

	@Test
	void twoNodesSendEachMailExactlyOnce() {
		try (PostgresServer postgres = PostgresServer.fresh("two-nodes");
				SmtpSink smtp = SmtpSink.onFreePort().withLatency(Duration.ofMillis(10))) {
			String database = postgres.createDatabase("tidings");
			try (AppProcess nodeA = AppProcess.node("node-a", database, smtp.port());
					AppProcess nodeB = AppProcess.node("node-b", database, smtp.port())) {
				// One after the other: the engine creates its schema on the first start.
				nodeA.start();
				nodeB.start();
				DeliveriesTable deliveries = new DeliveriesTable(postgres.jdbc("tidings"));
				long started = System.nanoTime();
				EventLoad load = EventLoad.signups(JOURNEYS, 4, number -> number % 2 == 0 ? nodeA.api() : nodeB.api());

				load.awaitAllAccepted(PATIENCE);
				boolean settled = deliveries.awaitAllSent(JOURNEYS, PATIENCE);
				smtp.awaitQuiet(Duration.ofSeconds(1), PATIENCE);
				DeliveryAudit audit = DeliveryAudit.of(JOURNEYS, deliveries, smtp);
				Map<String, Integer> sentByNode = deliveries.sentByNode();

				ChaosSettings.report("TwoNodeIT", audit.summary() + " sentByNode=" + sentByNode + " seconds="
						+ Duration.ofNanos(System.nanoTime() - started).toSeconds());
				assertThat(settled).as("all %d rows SENT within %s", JOURNEYS, PATIENCE).isTrue();
				assertThat(audit.lost()).as("mails lost").isZero();
				assertThat(audit.duplicated()).as("mails received twice").isZero();
				assertThat(audit.rowsByStatus()).containsExactly(entry("SENT", JOURNEYS));
				assertThat(audit.contactsWithoutExactlyOneRow()).isZero();
				assertThat(audit.unknownMessageIds()).isZero();
				assertThat(sentByNode).as("both nodes sent")
					.hasSize(2)
					.allSatisfy((node, sent) -> assertThat(sent).isPositive());
				// Each journey moves on once its mail's outcome is reported, a little
				// after the mail.
				Eventually.within(Duration.ofMinutes(2), deliveries::journeysWaitingForTips,
						waiting -> waiting == JOURNEYS);
				assertThat(deliveries.incidents()).isZero();
			}
		}
	}

}
