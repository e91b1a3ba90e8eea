package io.tidings.delivery;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.tidings.support.ApiClient;
import io.tidings.support.EmbeddedPostgresDatabase;
import io.tidings.support.Eventually;
import io.tidings.support.FreePort;
import io.tidings.support.ProbeJourneys;
import io.tidings.support.ScriptedSmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens to a journey's mail over a real SMTP conversation, on PostgreSQL: a 5xx
 * reply bounces and suppresses the address, a 4xx is retried, a mail that keeps failing
 * becomes a Camunda incident until an operator retries it, a refused sender is no bounce,
 * and a bounce report arriving later in the bounce mailbox (IMAP) counts like a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms",
				"tidings.delivery.first-retry-delay=200ms", "tidings.delivery.max-attempts=3",
				"tidings.delivery.bounce-mailbox.enabled=true", "tidings.delivery.bounce-mailbox.ssl=false",
				"tidings.delivery.bounce-mailbox.user=bounces", "tidings.delivery.bounce-mailbox.password=secret",
				"tidings.delivery.bounce-mailbox.poll-interval=300ms" })
@DirtiesContext
class DeliveryOutcomesIT {

	static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

	static final int IMAP_PORT = FreePort.find();

	@RegisterExtension
	static GreenMailExtension imap = new GreenMailExtension(
			new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", smtp::port);
		registry.add("tidings.delivery.bounce-mailbox.host", () -> "127.0.0.1");
		registry.add("tidings.delivery.bounce-mailbox.port", () -> IMAP_PORT);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.close();
	}

	final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	ApiClient api;

	ProbeJourneys probes;

	@BeforeEach
	void client() {
		api = ApiClient.as(port, "demo", "demo");
		probes = new ProbeJourneys(api, history, jdbc);
		smtp.acceptAll();
	}

	@Test
	void aHardBounceSuppressesTheAddressAndNoLaterMailGoesThere() throws Exception {
		smtp.refuse("gone@example.com", "550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown");

		String journey = probes.start("c-gone", "gone@example.com", null, "marketing");

		Map<String, Object> bounced = probes.deliveryOf(journey, "BOUNCED");
		assertThat((String) bounced.get("smtp_reply")).contains("550 5.1.1");
		assertThat(
				jdbc.queryForObject("SELECT reason FROM suppressions WHERE email = 'gone@example.com'", String.class))
			.isEqualTo("HARD_BOUNCE");
		Eventually.within(Duration.ofSeconds(10), () -> probes.endedAt(journey), "BouncedEnd"::equals);

		// Even transactional mail is not sent to an address that does not exist.
		String second = probes.start("c-gone", null, null, "transactional");
		Map<String, Object> skipped = probes.deliveryOf(second, "SKIPPED");
		assertThat(skipped.get("status_reason")).isEqualTo("suppressed: hard_bounce");
		Eventually.within(Duration.ofSeconds(10), () -> probes.endedAt(second), "SentEnd"::equals);
		assertThat(smtp.acceptedFor("gone@example.com")).isEmpty();
	}

	@Test
	void aTemporaryRefusalIsRetriedAndTheMailArrivesOnce() {
		smtp.refuseTimes("busy@example.com", 2, "451 4.7.1 Greylisted, please try again later");

		String journey = probes.start("c-busy", "busy@example.com", null, "marketing");

		Map<String, Object> sent = probes.deliveryOf(journey, "SENT");
		assertThat(sent.get("attempts")).isEqualTo(3);
		assertThat(smtp.acceptedFor("busy@example.com")).hasSize(1)
			.allSatisfy(mail -> assertThat(mail.messageId()).isEqualTo(sent.get("message_id")));
		Eventually.within(Duration.ofSeconds(10), () -> probes.endedAt(journey), "SentEnd"::equals);
	}

	@Test
	void aMailThatKeepsFailingIsAnIncidentUntilAnOperatorRetriesIt() throws Exception {
		smtp.refuse("full@example.com", "452 4.2.2 Mailbox full, try again later");

		String journey = probes.start("c-full", "full@example.com", null, "transactional");

		Map<String, Object> failed = probes.deliveryOf(journey, "FAILED");
		String deliveryId = (String) failed.get("id");
		Incident incident = Eventually.within(Duration.ofSeconds(10),
				() -> runtime.createIncidentQuery().processInstanceId(journey).singleResult(), found -> found != null);
		assertThat(incident.getActivityId()).isEqualTo("SendProbe");
		assertThat(incident.getIncidentMessage()).contains("452 4.2.2 Mailbox full");

		JsonNode view = json.readTree(api.get("/api/deliveries/" + deliveryId).body());
		assertThat(view.get("status").asText()).isEqualTo("FAILED");
		assertThat(view.get("attempts").asInt()).isEqualTo(3);

		smtp.acceptAll();
		HttpResponse<String> retried = api
			.send(api.request("/api/deliveries/" + deliveryId + "/retry").POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(retried.statusCode()).isEqualTo(200);
		assertThat(json.readTree(retried.body()).get("status").asText()).isEqualTo("QUEUED");
		assertThat(runtime.createIncidentQuery().processInstanceId(journey).count()).isZero();

		probes.deliveryOf(journey, "SENT");
		Eventually.within(Duration.ofSeconds(10), () -> probes.endedAt(journey), "SentEnd"::equals);
		assertThat(smtp.acceptedFor("full@example.com")).hasSize(1);
	}

	@Test
	void aRefusedSenderIsOurProblemNotABounce() {
		smtp.replyToSender("553 5.7.1 <hello@tidings.localhost>: Sender address rejected: not owned by user");

		String journey = probes.start("c-sender", "sender@example.com", null, "marketing");

		// Retried like a 4xx until the attempts run out: the recipient is not to blame.
		Map<String, Object> failed = probes.deliveryOf(journey, "FAILED");
		assertThat((String) failed.get("last_error")).contains("Sender rejected").contains("553 5.7.1");
		assertThat(failed.get("attempts")).isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE email = 'sender@example.com'",
				Integer.class))
			.isZero();

		smtp.replyToSender(null);
		api.send(api.request("/api/deliveries/" + failed.get("id") + "/retry")
			.POST(HttpRequest.BodyPublishers.noBody()));
		probes.deliveryOf(journey, "SENT");
	}

	@Test
	void aBounceReportInTheBounceMailboxBouncesTheSentMail() throws Exception {
		String journey = probes.start("c-later", "later@example.net", null, "marketing");
		Map<String, Object> sent = probes.deliveryOf(journey, "SENT");

		GreenMailUser bounces = imap.setUser("bounces@tidings.localhost", "bounces", "secret");
		bounces.deliver(report((String) sent.get("message_id"), "later@example.net"));

		Map<String, Object> bounced = probes.deliveryOf(journey, "BOUNCED");
		assertThat((String) bounced.get("last_error")).contains("550 5.1.1");
		assertThat(
				jdbc.queryForObject("SELECT reason FROM suppressions WHERE email = 'later@example.net'", String.class))
			.isEqualTo("HARD_BOUNCE");
	}

	@Test
	void retryingWhatCannotBeRetriedGetsAProblem() throws Exception {
		HttpResponse<String> unknown = api
			.send(api.request("/api/deliveries/no-such-id/retry").POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(unknown.body()).get("detail").asText()).contains("no-such-id");
		assertThat(api.get("/api/deliveries/no-such-id").statusCode()).isEqualTo(404);

		String journey = probes.start("c-fine", "fine@example.com", null, "marketing");
		String sentId = (String) probes.deliveryOf(journey, "SENT").get("id");
		HttpResponse<String> notFailed = api
			.send(api.request("/api/deliveries/" + sentId + "/retry").POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(notFailed.statusCode()).isEqualTo(409);
		assertThat(json.readTree(notFailed.body()).get("detail").asText()).contains("is SENT");
		assertThat(jdbc.queryForObject("SELECT status FROM deliveries WHERE id = ?", String.class, sentId))
			.isEqualTo("SENT");

		ApiClient stranger = ApiClient.as(port, "nobody", "nothing");
		assertThat(stranger
			.send(stranger.request("/api/deliveries/" + sentId + "/retry").POST(HttpRequest.BodyPublishers.noBody()))
			.statusCode()).isEqualTo(401);
	}

	private static MimeMessage report(String messageId, String recipient) throws Exception {
		try (InputStream sample = DeliveryOutcomesIT.class.getResourceAsStream("/dsn/postfix-user-unknown.eml")) {
			String text = new String(sample.readAllBytes(), StandardCharsets.UTF_8)
				.replace("<3f2b6c1e-8a4d-4f0e-9a51-2d7c9e5b1a01@tidings.localhost>", messageId)
				.replace("gone@example.net", recipient);
			return GreenMailUtil.newMimeMessage(text);
		}
	}

}
