package io.tidings.platform;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.PostgresApiTest;
import io.tidings.support.PrometheusScrape;
import io.tidings.support.SmtpRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of a mail going out: the Prometheus counters moving by exactly
 * what happened, and, with the JSON log format of the postgres profile, the journey
 * instance id on every line logged while the mail is queued, sent and reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms",
				"tidings.delivery.health.backlog-refresh=0s", "logging.structured.format.console=ecs",
				"logging.level.io.tidings.delivery=debug", "logging.level.io.tidings.journey=debug" })
@AutoConfigureObservability(tracing = false)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends PostgresApiTest {

	@RegisterExtension
	static SmtpRelay smtp = SmtpRelay.onFreePort();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		smtp.register(registry);
	}

	@BeforeEach
	void quiet() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		// Outcomes of an earlier test's mail must not be reported during this one.
		Eventually.within(Duration.ofSeconds(20), () -> jdbc
			.queryForObject("SELECT count(*) FROM deliveries WHERE report_due OR status <> 'SENT'", Integer.class),
				count -> count == 0);
	}

	@Test
	void aSignupMovesTheCountersByWhatHappened() throws Exception {
		PrometheusScrape before = scrape();

		assertThat(event("m-1", "metrics-ann").statusCode()).isEqualTo(202);
		assertThat(event("m-1", "metrics-ann").statusCode()).as("a replay of the same event id").isEqualTo(202);
		assertThat(api.postJson("/api/events", """
				{"name": "not a message name", "contact": {"id": "metrics-bad", "email": "bad@example.com"}}""")
			.statusCode()).isEqualTo(400);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		Eventually.within(Duration.ofSeconds(10),
				() -> jdbc.queryForObject(
						"SELECT count(*) FROM deliveries WHERE contact_id = 'metrics-ann' AND status = 'SENT'",
						Integer.class),
				sent -> sent == 1);
		PrometheusScrape after = Eventually.within(Duration.ofSeconds(10), this::scrape, scrape -> scrape
			.value("tidings_mails_total", "outcome", "sent") > before.value("tidings_mails_total", "outcome", "sent"));

		assertThat(delta(before, after, "tidings_events_received_total", "event", "SignupReceived")).isEqualTo(1);
		assertThat(delta(before, after, "tidings_events_received_total")).as("the replay and the bad event")
			.isEqualTo(1);
		assertThat(delta(before, after, "tidings_journeys_started_total", "journey", "welcome")).isEqualTo(1);
		assertThat(delta(before, after, "tidings_journeys_started_total")).isEqualTo(1);
		assertThat(delta(before, after, "tidings_mails_total", "outcome", "queued", "category", "marketing"))
			.isEqualTo(1);
		assertThat(delta(before, after, "tidings_mails_total", "outcome", "sent", "category", "marketing"))
			.isEqualTo(1);
		assertThat(delta(before, after, "tidings_mails_total", "category", "transactional")).isZero();
		for (String outcome : new String[] { "deferred", "retried", "bounced", "failed", "skipped" }) {
			assertThat(delta(before, after, "tidings_mails_total", "outcome", outcome)).as(outcome).isZero();
		}
		assertThat(delta(before, after, "tidings_smtp_send_seconds_count", "result", "accepted")).isEqualTo(1);
		assertThat(after.value("tidings_smtp_send_seconds_sum", "result", "accepted"))
			.isGreaterThan(before.value("tidings_smtp_send_seconds_sum", "result", "accepted"));
		assertThat(after.value("tidings_outbox_due")).isZero();
		assertThat(after.value("tidings_outbox_lag_seconds")).isZero();
		assertThat(after.has("tidings_outbox_pending")).isTrue();
		assertThat(after.has("jvm_memory_used_bytes")).isTrue();
		assertThat(after.has("hikaricp_connections_active")).isTrue();
	}

	@Test
	void prometheusNeedsALogin() {
		HttpResponse<String> anonymous = ApiClient.anonymous(port).get("/actuator/prometheus");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("tidings_");
	}

	@Test
	void everyLineOfASendCarriesTheJourneyInstance(CapturedOutput output) throws Exception {
		int from = output.getOut().length();

		assertThat(event("log-1", "log-bea").statusCode()).isEqualTo(202);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		Eventually.within(Duration.ofSeconds(10), () -> jdbc.queryForObject(
				"SELECT count(*) FROM deliveries WHERE contact_id = 'log-bea' AND status = 'SENT' AND NOT report_due",
				Integer.class), reported -> reported == 1);
		String instanceId = jdbc
			.queryForObject("SELECT journey_instance_id FROM deliveries WHERE contact_id = 'log-bea'", String.class);
		String deliveryId = jdbc.queryForObject("SELECT id FROM deliveries WHERE contact_id = 'log-bea'", String.class);

		List<JsonNode> sendLines = new ArrayList<>();
		for (String line : output.getOut().substring(from).split("\n")) {
			if (!line.startsWith("{")) {
				continue;
			}
			JsonNode entry = json.readTree(line);
			String thread = entry.at("/process/thread/name").asText();
			String logger = entry.at("/log/logger").asText();
			boolean sending = thread.startsWith("delivery-") || thread.startsWith("camundaTaskExecutor");
			if (sending && logger.startsWith("io.tidings.")) {
				sendLines.add(entry);
			}
		}
		assertThat(sendLines).extracting(entry -> entry.get("message").asText())
			.contains("Delivery " + deliveryId + " queued", "Sending delivery " + deliveryId + " (attempt 1)")
			.anyMatch(message -> message.startsWith("Delivery " + deliveryId + " sent: 250"))
			.anyMatch(message -> message.startsWith("Reporting delivery " + deliveryId));
		assertThat(sendLines).allSatisfy(entry -> {
			assertThat(entry.path("processInstanceId").asText()).as(entry.toString()).isEqualTo(instanceId);
			assertThat(entry.path("activityId").asText()).as(entry.toString()).isEqualTo("SendWelcomeEmail");
		});
		assertThat(sendLines).filteredOn(entry -> entry.get("message").asText().contains("sent: 250"))
			.allSatisfy(entry -> {
				assertThat(entry.path("deliveryId").asText()).isEqualTo(deliveryId);
				assertThat(entry.path("businessKey").asText()).isEqualTo("log-bea");
			});
	}

	private HttpResponse<String> event(String id, String contactId) {
		return api.postJson("/api/events", """
				{"id": "%s", "name": "SignupReceived",
				 "contact": {"id": "%s", "email": "%s@example.com", "firstName": "Ann", "locale": "en"}}"""
			.formatted(id, contactId, contactId));
	}

	private PrometheusScrape scrape() {
		HttpResponse<String> response = api.get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return PrometheusScrape.of(response.body());
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}
