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
 * A node stopped with SIGTERM in the middle of sending, as a rolling deployment stops it:
 * its workers finish the mail on the wire and hand the rest of their batches back, so the
 * moment it is gone no row is still leased to it; another node then sends everything
 * left, each mail exactly once.
 */
class GracefulShutdownIT {

	static final int JOURNEYS = ChaosSettings.journeys(600);

	static final Duration PATIENCE = ChaosSettings.patience(Duration.ofMinutes(3));

	@Test
	void aStoppedNodeLeavesNoDeliveryLeasedAndTheNextSendsTheRestOnce() {
		try (PostgresServer postgres = PostgresServer.fresh("graceful");
				SmtpSink smtp = SmtpSink.onFreePort().withLatency(Duration.ofMillis(40))) {
			String database = postgres.createDatabase("tidings");
			try (AppProcess stopping = AppProcess.node("graceful-a", database, smtp.port());
					AppProcess taking = AppProcess.node("graceful-b", database, smtp.port())) {
				stopping.start();
				DeliveriesTable deliveries = new DeliveriesTable(postgres.jdbc("tidings"));
				EventLoad load = EventLoad.signups(JOURNEYS, 4, number -> stopping.api());
				load.awaitAllAccepted(PATIENCE);
				Map<String, Integer> midway = Eventually.within(PATIENCE, deliveries::countByStatus,
						counts -> counts.getOrDefault("SENT", 0) >= JOURNEYS / 10
								&& counts.getOrDefault("SENDING", 0) > 0);

				int status = stopping.stop();
				Map<String, Integer> afterStop = deliveries.countByStatus();
				int sentBeforeStop = afterStop.getOrDefault("SENT", 0);

				assertThat(status).as("ended of the SIGTERM, not killed after the wait; see %s", stopping.log())
					.isEqualTo(AppProcess.STOPPED_BY_SIGTERM);
				assertThat(afterStop).as("rows still leased to the stopped node").doesNotContainKey("SENDING");
				assertThat(sentBeforeStop).as("mail left to send after the stop").isLessThan(JOURNEYS);

				taking.start();
				boolean settled = deliveries.awaitAllSent(JOURNEYS, PATIENCE);
				smtp.awaitQuiet(Duration.ofSeconds(1), PATIENCE);
				DeliveryAudit audit = DeliveryAudit.of(JOURNEYS, deliveries, smtp);
				Map<String, Integer> sentByNode = deliveries.sentByNode();
				ChaosSettings.report("GracefulShutdownIT", audit.summary() + " midway=" + midway + " afterStop="
						+ afterStop + " sentByNode=" + sentByNode);

				assertThat(settled).as("all %d rows SENT within %s; see %s", JOURNEYS, PATIENCE, taking.log()).isTrue();
				assertThat(audit.lost()).as("mails lost").isZero();
				assertThat(audit.duplicated()).as("mails received twice").isZero();
				assertThat(audit.rowsByStatus()).containsExactly(entry("SENT", JOURNEYS));
				assertThat(sentByNode).as("sent before and after the stop").hasSize(2);
			}
		}
	}

}
