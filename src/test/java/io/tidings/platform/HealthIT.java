package io.tidings.platform;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.FreePort;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} as a load balancer, a supervisor and an operator see it: the
 * status alone for anyone (an API client that may only post events included), the parts
 * for an operator (admin or reader), the SMTP relay and the outbox lag reported without
 * taking the node out of readiness. Sending is off on this node, so a row put in the
 * outbox stays there as long as the test wants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.delivery.health.smtp-check-interval=200ms", "tidings.delivery.health.smtp-timeout=1s",
				"tidings.delivery.health.max-outbox-lag=1m", "tidings.delivery.health.backlog-refresh=0s" })
@DirtiesContext
class HealthIT extends PostgresApiTest {

	static final int SMTP_PORT = FreePort.find();

	static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp");

	static GreenMail relay;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startRelay() {
		relay = startedRelay();
	}

	@AfterAll
	static void stopRelay() {
		relay.stop();
	}

	@BeforeEach
	void relayListens() {
		healthOnceSmtpIs("UP", 200);
	}

	@AfterEach
	void emptyOutbox() {
		jdbc.update("DELETE FROM deliveries");
	}

	@Test
	void anyoneGetsTheStatusAndNothingElse() throws Exception {
		HttpResponse<String> health = ApiClient.anonymous(port).get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(health.body());
		assertThat(body.get("status").asText()).isEqualTo("UP");
		assertThat(body.has("components")).isFalse();
		assertThat(body.has("details")).isFalse();
		assertThat(body.fieldNames()).toIterable().isSubsetOf("status", "groups");
		assertThat(ApiClient.anonymous(port).get("/actuator/health/smtp").statusCode()).as("a part's details")
			.isIn(401, 404);
	}

	@Test
	void onlyAdminsAndReadersSeeTheParts() throws Exception {
		for (String roles : List.of("\"events\"", "\"api\"", "\"reader\"", "\"admin\"")) {
			HttpResponse<String> made = api.postJson("/api/api-keys",
					"{\"name\": \"health " + roles.replace("\"", "") + "\", \"roles\": [" + roles + "]}");
			assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
			ApiClient client = ApiClient.withKey(port, json.readTree(made.body()).get("secret").asText());
			// api brings reader with it; events alone is a shop posting events, no
			// operator.
			boolean operator = !roles.contains("events");

			HttpResponse<String> health = client.get("/actuator/health");
			assertThat(health.statusCode()).as(roles).isEqualTo(200);
			JsonNode body = json.readTree(health.body());
			assertThat(body.get("status").asText()).as(roles).isEqualTo("UP");
			assertThat(body.at("/components/smtp/status").isMissingNode()).as(roles + " sees the parts")
				.isEqualTo(!operator);
			assertThat(body.at("/components/outbox/details/due").isMissingNode()).as(roles).isEqualTo(!operator);
			assertThat(client.get("/actuator/health/smtp").statusCode()).as(roles + ": a part")
				.isEqualTo(operator ? 200 : 404);
		}
	}

	@Test
	void anOperatorSeesDatabaseSmtpAndOutbox() throws Exception {
		JsonNode health = healthAsOperator(200);

		assertThat(health.at("/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/smtp/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/smtp/details/host").asText()).isEqualTo("127.0.0.1:" + SMTP_PORT);
		assertThat(health.at("/components/outbox/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/outbox/details/due").asLong()).isZero();
		assertThat(health.at("/components/mail").isMissingNode()).as("Boot's uncached mail check is off").isTrue();
		JsonNode readiness = json.readTree(ApiClient.anonymous(port).get("/actuator/health/readiness").body());
		assertThat(readiness.get("status").asText()).isEqualTo("UP");
		JsonNode readinessParts = json.readTree(api.get("/actuator/health/readiness").body()).get("components");
		assertThat(readinessParts.fieldNames()).toIterable().containsExactlyInAnyOrder("readinessState", "db");
	}

	@Test
	void aLaggingOutboxIsReportedButKeepsTheNodeInService() throws Exception {
		queue("due-long-ago", Instant.now().minus(Duration.ofMinutes(10)));
		queue("due-later", Instant.now().plus(Duration.ofHours(1)));

		JsonNode health = healthAsOperator(200);

		assertThat(health.at("/status").asText()).isEqualTo("LAGGING");
		assertThat(health.at("/components/outbox/status").asText()).isEqualTo("LAGGING");
		assertThat(health.at("/components/outbox/details/due").asLong()).isEqualTo(1);
		assertThat(health.at("/components/outbox/details/pending").asLong()).isEqualTo(2);
		assertThat(health.at("/components/outbox/details/oldestDueSeconds").asLong()).isBetween(600L, 660L);
		assertThat(health.at("/components/outbox/details/maxLagSeconds").asLong()).isEqualTo(60);
		assertThat(ApiClient.anonymous(port).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(ApiClient.anonymous(port).get("/actuator/health/liveness").statusCode()).isEqualTo(200);

		jdbc.update("DELETE FROM deliveries WHERE id = 'due-long-ago'");
		assertThat(healthAsOperator(200).at("/components/outbox/status").asText()).isEqualTo("UP");
	}

	@Test
	void aRelayThatIsGoneIsDownButTheNodeStaysReady() throws Exception {
		relay.stop();
		try {
			JsonNode health = healthOnceSmtpIs("DOWN", 503);
			assertThat(health.at("/status").asText()).isEqualTo("DOWN");
			assertThat(health.at("/components/smtp/details/error").asText()).isNotBlank();
			assertThat(health.at("/components/smtp/details/checkMillis").asLong()).isLessThan(5000);
			assertThat(ApiClient.anonymous(port).get("/actuator/health").statusCode()).isEqualTo(503);
			assertThat(ApiClient.anonymous(port).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(ApiClient.anonymous(port).get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		finally {
			relay = startedRelay();
		}
		healthOnceSmtpIs("UP", 200);
	}

	/**
	 * The relay's state is cached for a moment, so the answer may lag a stop or a start.
	 */
	private JsonNode healthOnceSmtpIs(String smtpStatus, int expectedStatus) {
		HttpResponse<String> response = Eventually.within(Duration.ofSeconds(10), () -> api.get("/actuator/health"),
				answer -> answer.statusCode() == expectedStatus
						&& smtpStatus.equals(read(answer.body()).at("/components/smtp/status").asText()));
		return read(response.body());
	}

	private JsonNode healthAsOperator(int expectedStatus) {
		HttpResponse<String> response = api.get("/actuator/health");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return read(response.body());
	}

	private JsonNode read(String body) {
		try {
			return json.readTree(body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void queue(String id, Instant due) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("""
				INSERT INTO deliveries (id, dedupe_key, message_id, contact_id, template_key, category, recipient,
				    subject, html_body, text_body, status, attempts, next_attempt_at, created_at)
				VALUES (?, ?, ?, 'health-contact', 'welcome', 'MARKETING', 'health@example.com', 'Hello', '<p>Hi</p>',
				    'Hi', 'QUEUED', 0, ?, ?)""", id, id, "<" + id + "@example.com>", Timestamp.from(due), now);
	}

	private static GreenMail startedRelay() {
		GreenMail server = new GreenMail(SMTP)
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		server.start();
		return server;
	}

}
