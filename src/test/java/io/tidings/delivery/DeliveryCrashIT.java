package io.tidings.delivery;

import java.time.Duration;
import java.time.Instant;

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
 * The only node dies of kill -9 in the middle of sending, and is started again on the
 * same database. Until the crash the relay is slow, so mail queues up in the outbox and
 * workers hold claimed rows (status SENDING) when the node dies; the new node has to take
 * those over when their lease ends, and the journeys whose job the dead node held when
 * its Camunda lock ends. Every welcome mail must arrive. A mail may arrive twice only if
 * its row was in flight at the crash: the one exception the design allows, and then with
 * the same Message-ID.
 */
class DeliveryCrashIT {

	static final int JOURNEYS = ChaosSettings.journeys(2000);

	static final Duration PATIENCE = ChaosSettings.patience(Duration.ofMinutes(3));

	static final Duration SINK_LATENCY = Duration.ofMillis(40);

	@Test
	void killNineMidDeliveryLosesNoMailAndRepeatsOnlyWhatWasInFlight() {
		try (PostgresServer postgres = PostgresServer.fresh("crash");
				SmtpSink smtp = SmtpSink.onFreePort().withLatency(SINK_LATENCY);
				AppProcess node = AppProcess.node("crash-node", postgres.createDatabase("tidings"), smtp.port())) {
			DeliveriesTable deliveries = new DeliveriesTable(postgres.jdbc("tidings"));
			node.start();
			long started = System.nanoTime();
			EventLoad load = EventLoad.signups(JOURNEYS, 4, number -> node.api());

			smtp.awaitReceived(JOURNEYS / 10, PATIENCE);
			Eventually.within(PATIENCE, () -> deliveries.count("SENDING"), inFlight -> inFlight > 0);
			node.kill();
			Instant crash = Instant.now();
			int receivedAtCrash = smtp.received();
			int acceptedAtCrash = load.accepted();
			int inFlightAtCrash = deliveries.count("SENDING");
			int stepsLeftAtCrash = deliveries.pendingJourneySteps();

			smtp.withLatency(Duration.ZERO);
			node.start();
			load.awaitAllAccepted(PATIENCE);
			boolean settled = deliveries.awaitAllSent(JOURNEYS, PATIENCE);
			smtp.awaitQuiet(Duration.ofSeconds(1), PATIENCE);
			DeliveryAudit audit = DeliveryAudit.of(JOURNEYS, deliveries, smtp);

			ChaosSettings.report("DeliveryCrashIT",
					audit.summary() + " inFlightAtCrash=" + inFlightAtCrash + " receivedAtCrash=" + receivedAtCrash
							+ " eventsAcceptedAtCrash=" + acceptedAtCrash + " journeyStepsLeftAtCrash="
							+ stepsLeftAtCrash + " eventRetries=" + load.retries() + " seconds="
							+ Duration.ofNanos(System.nanoTime() - started).toSeconds());
			assertThat(receivedAtCrash).as("the kill came in the middle of delivery").isLessThan(JOURNEYS);
			assertThat(inFlightAtCrash).as("rows the dead node held").isPositive();
			assertThat(settled).as("all %d rows SENT within %s; see %s", JOURNEYS, PATIENCE, node.log()).isTrue();
			assertThat(audit.lost()).as("mails lost").isZero();
			assertThat(audit.rowsByStatus()).containsExactly(entry("SENT", JOURNEYS));
			assertThat(audit.contactsWithoutExactlyOneRow()).isZero();
			assertThat(audit.unknownMessageIds()).isZero();
			assertThat(audit.duplicated()).as("duplicates, at most the rows in flight at the crash")
				.isLessThanOrEqualTo(inFlightAtCrash);
			// The sink stamps a mail after its latency, so one the node handed over just
			// before the kill is stamped up to that much after it (and the restarted node
			// takes seconds before it sends anything).
			Instant handedOverBy = crash.plus(SINK_LATENCY).plusMillis(500);
			assertThat(audit.duplicatedFirstSeen().values()).as("first copies of duplicated mails")
				.allMatch(first -> first.isBefore(handedOverBy));
			// Each journey moves on once its mail's outcome is reported, a little after
			// the mail.
			Eventually.within(Duration.ofMinutes(2), deliveries::journeysWaitingForTips,
					waiting -> waiting == JOURNEYS);
			assertThat(deliveries.incidents()).isZero();
		}
	}

}
