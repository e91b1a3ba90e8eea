package io.tidings.delivery;

import java.time.Duration;

import io.tidings.support.AppProcess;
import io.tidings.support.ChaosSettings;
import io.tidings.support.DeliveriesTable;
import io.tidings.support.DeliveryAudit;
import io.tidings.support.EventLoad;
import io.tidings.support.Pause;
import io.tidings.support.PostgresServer;
import io.tidings.support.SmtpSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The SMTP relay goes away in the middle of sending and comes back on the same port,
 * while events keep arriving. Mail that fell due in between waits in the outbox with
 * backoff and goes out once the relay is back: none lost, none twice.
 */
class SmtpOutageIT {

	static final int JOURNEYS = ChaosSettings.journeys(600);

	static final Duration OUTAGE = ChaosSettings.outage(Duration.ofSeconds(8));

	static final Duration PATIENCE = ChaosSettings.patience(Duration.ofMinutes(3));

	/**
	 * Retries spaced so a row's 8 attempts span about twice the outage: none is given up
	 * (FAILED) before the relay is back, as an operator sizes them for the outages the
	 * relay has. 500 ms for the scaled-down run, 5 s for a 5-minute outage.
	 */
	static Duration firstRetryDelay() {
		Duration spread = OUTAGE.dividedBy(60);
		return spread.compareTo(Duration.ofMillis(500)) > 0 ? spread : Duration.ofMillis(500);
	}

	@Test
	void mailDueDuringAnOutageGoesOutOnceWhenTheRelayIsBack() {
		try (PostgresServer postgres = PostgresServer.fresh("outage");
				SmtpSink smtp = SmtpSink.onFreePort();
				AppProcess node = AppProcess.node("outage-node", postgres.createDatabase("tidings"), smtp.port())
					.with("tidings.delivery.first-retry-delay", firstRetryDelay().toMillis() + "ms")) {
			DeliveriesTable deliveries = new DeliveriesTable(postgres.jdbc("tidings"));
			node.start();
			long started = System.nanoTime();
			EventLoad load = EventLoad.signups(JOURNEYS, 4, number -> node.api());

			smtp.awaitReceived(JOURNEYS / 5, PATIENCE);
			smtp.stop();
			int receivedBeforeOutage = smtp.received();
			int acceptedBeforeOutage = load.accepted();
			Pause.pause(OUTAGE);
			int acceptedDuringOutage = load.accepted() - acceptedBeforeOutage;
			int deferredAtEndOfOutage = deliveries.deferred();
			smtp.start();

			load.awaitAllAccepted(PATIENCE);
			boolean settled = deliveries.awaitAllSent(JOURNEYS, PATIENCE);
			smtp.awaitQuiet(Duration.ofSeconds(1), PATIENCE);
			DeliveryAudit audit = DeliveryAudit.of(JOURNEYS, deliveries, smtp);

			ChaosSettings.report("SmtpOutageIT",
					audit.summary() + " outage=" + OUTAGE + " receivedBeforeOutage=" + receivedBeforeOutage
							+ " eventsAcceptedDuringOutage=" + acceptedDuringOutage + " deferredAtEndOfOutage="
							+ deferredAtEndOfOutage + " seconds="
							+ Duration.ofNanos(System.nanoTime() - started).toSeconds());
			assertThat(acceptedDuringOutage).as("events kept coming during the outage").isPositive();
			assertThat(deferredAtEndOfOutage).as("mails that fell due and failed during the outage").isPositive();
			assertThat(settled).as("all %d rows SENT within %s; see %s", JOURNEYS, PATIENCE, node.log()).isTrue();
			assertThat(audit.lost()).as("mails lost").isZero();
			assertThat(audit.duplicated()).as("mails received twice").isZero();
			assertThat(audit.rowsByStatus()).containsExactly(entry("SENT", JOURNEYS));
			assertThat(audit.contactsWithoutExactlyOneRow()).isZero();
			assertThat(audit.unknownMessageIds()).isZero();
			assertThat(deliveries.journeysWaitingForTips()).isEqualTo(JOURNEYS);
			assertThat(deliveries.incidents()).isZero();
		}
	}

}
