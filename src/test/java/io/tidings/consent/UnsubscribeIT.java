package io.tidings.consent;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.tidings.support.ApiClient;
import io.tidings.support.EmbeddedPostgresDatabase;
import io.tidings.support.Eventually;
import io.tidings.support.SmtpRelay;
import io.tidings.support.TimeZones;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
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
 * One-click unsubscribe over real HTTP and SMTP on PostgreSQL: every marketing mail
 * carries List-Unsubscribe and List-Unsubscribe-Post for its topic; the mail client's
 * POST unsubscribes from that topic at once, ends the contact's journeys of the topic and
 * withdraws its queued mail of it, while transactional mail still goes; a GET only asks;
 * the page's second button unsubscribes from all marketing mail; a tampered link reveals
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms",
				"tidings.consent.public-url=https://mail.shop.example", "tidings.delivery.quiet-hours.start=01:00",
				"tidings.delivery.quiet-hours.end=05:00" })
@DirtiesContext
class UnsubscribeIT {

	/**
	 * A zone where it is about 03:00 now, inside the quiet hours: marketing mail waits
	 * there.
	 */
	static final String NIGHT_ZONE = TimeZones.whereItIsNow(3);

	@RegisterExtension
	static SmtpRelay smtp = SmtpRelay.onFreePort();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
		// Contacts without a time zone are in one where it is day now, whenever the tests
		// run: in UTC the quiet hours held their welcome mails from 01:00 to 05:00.
		registry.add("tidings.delivery.quiet-hours.default-time-zone", () -> TimeZones.whereItIsNow(14));
		smtp.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	ApiClient api;

	final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

	@BeforeEach
	void client() throws Exception {
		api = ApiClient.as(port, "demo", "demo");
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void oneClickEndsMarketingJourneysAndQueuedMailAtOnce() throws Exception {
		signUp("u-ann", "ann@example.com", null);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage welcome = smtp.getReceivedMessages()[0];
		String link = welcome.getHeader("List-Unsubscribe", null);
		assertThat(link).matches("<https://mail\\.shop\\.example/u/[A-Za-z0-9_-]+\\.newsletter\\.k1\\.[A-Za-z0-9_-]+>");
		assertThat(welcome.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		String path = URI.create(link.substring(1, link.length() - 1)).getPath();

		// A second marketing mail waits in the outbox (quiet hours where Ann is now).
		api.postJson("/api/events", "{\"name\": \"ProfileUpdated\", \"contact\": {\"id\": \"u-ann\", \"timeZone\": \""
				+ NIGHT_ZONE + "\"}}");
		api.postJson("/api/events",
				"""
						{"name": "DeliveryProbeStarted", "contact": {"id": "u-ann"}, "data": {"category": "marketing", "sendAgain": false}}""");
		Eventually.within(Duration.ofSeconds(10), () -> jdbc
			.queryForList("SELECT status FROM deliveries WHERE contact_id = 'u-ann' ORDER BY created_at", String.class),
				statuses -> statuses.equals(java.util.List.of("SENT", "DEFERRED")));
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("u-ann").count()).isEqualTo(2);

		long start = System.nanoTime();
		HttpResponse<String> response = ApiClient.anonymous(port)
			.send(ApiClient.anonymous(port)
				.request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("User-Agent", "Mail client/1.0")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
		long ended = runtime.createProcessInstanceQuery().processInstanceBusinessKey("u-ann").count();
		System.out.printf("One-click unsubscribe to marketing journeys ended: %d ms%n",
				Duration.ofNanos(System.nanoTime() - start).toMillis());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ended).isZero();
		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey("u-ann")
			.processDefinitionKey("welcome")
			.singleResult()
			.getDeleteReason()).isEqualTo("Contact unsubscribed from newsletter (ONE_CLICK)");
		assertThat(jdbc.queryForList("SELECT status FROM deliveries WHERE contact_id = 'u-ann' ORDER BY created_at",
				String.class))
			.containsExactly("SENT", "CANCELLED");
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE email = 'ann@example.com'", Integer.class))
			.isZero();
		Map<String, Object> record = jdbc.queryForMap("SELECT * FROM consent_records WHERE contact_id = 'u-ann'");
		assertThat(record).containsEntry("action", "UNSUBSCRIBED")
			.containsEntry("topic", "newsletter")
			.containsEntry("source", "ONE_CLICK")
			.containsEntry("user_agent", "Mail client/1.0");
		assertThat((String) record.get("ip")).isNotBlank();

		// Transactional mail still reaches Ann; a new marketing journey's mail does not.
		smtp.purgeEmailFromAllMailboxes();
		api.postJson("/api/events",
				"""
						{"name": "DeliveryProbeStarted", "contact": {"id": "u-ann", "timeZone": "UTC"}, "data": {"category": "transactional", "sendAgain": false}}""");
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		assertThat(smtp.getReceivedMessages()[0].getHeader("List-Unsubscribe")).isNull();
		signUp("u-ann", null, "UTC");
		Eventually.within(Duration.ofSeconds(10),
				() -> jdbc.queryForList(
						"SELECT status_reason FROM deliveries WHERE contact_id = 'u-ann' AND status = 'SKIPPED'",
						String.class),
				reasons -> reasons.equals(java.util.List.of("unsubscribed from newsletter")));
	}

	@Test
	void aGetOnlyAsksAndTheFormUnsubscribes() throws Exception {
		signUp("u-bob", "bob@example.com", null);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		String link = smtp.getReceivedMessages()[0].getHeader("List-Unsubscribe", null);
		String path = URI.create(link.substring(1, link.length() - 1)).getPath();
		ApiClient browser = ApiClient.anonymous(port);

		HttpResponse<String> page = browser.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<form method=\"post\"").contains("Unsubscribe");
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE email = 'bob@example.com'", Integer.class))
			.isZero();

		HttpResponse<String> done = browser.send(browser.request(path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("confirm=yes")));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("b••@example.com").doesNotContain("bob@example.com");
		assertThat(jdbc.queryForObject("SELECT source FROM consent_records WHERE contact_id = 'u-bob'", String.class))
			.isEqualTo("LINK");
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE email = 'bob@example.com'", Integer.class))
			.isZero();

		HttpResponse<String> all = browser.send(browser.request(path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("confirm=yes&scope=all")));
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains("no more marketing email");
		assertThat(jdbc.queryForObject("SELECT reason FROM suppressions WHERE email = 'bob@example.com'", String.class))
			.isEqualTo("UNSUBSCRIBED");
		assertThat(jdbc.queryForList(
				"SELECT coalesce(topic, 'all') FROM consent_records WHERE contact_id = 'u-bob' ORDER BY recorded_at",
				String.class))
			.containsExactly("newsletter", "all");
	}

	@Test
	void aTamperedLinkGetsAPlainNotFoundPage() {
		int recordsBefore = jdbc.queryForObject("SELECT count(*) FROM consent_records", Integer.class);
		ApiClient stranger = ApiClient.anonymous(port);
		for (String path : new String[] { "/u/Yy00Mg.k1.AAAAAAAAAAAAAAAAAAAAAA", "/u/nonsense", "/u/a.b.c" }) {
			HttpResponse<String> get = stranger.get(path);
			HttpResponse<String> post = stranger.send(stranger.request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
			for (HttpResponse<String> response : java.util.List.of(get, post)) {
				assertThat(response.statusCode()).as(path).isEqualTo(404);
				assertThat(response.headers().firstValue("Content-Type"))
					.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
				assertThat(response.body()).contains("This link does not work")
					.doesNotContain("Exception")
					.doesNotContain("@example.com");
			}
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM consent_records", Integer.class)).isEqualTo(recordsBefore);
	}

	@Test
	void theConsentEndpointShowsStateAndHistory() throws Exception {
		signUp("u-cy", "cy@example.com", null);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		String link = smtp.getReceivedMessages()[0].getHeader("List-Unsubscribe", null);
		ApiClient.anonymous(port)
			.send(ApiClient.anonymous(port)
				.request(URI.create(link.substring(1, link.length() - 1)).getPath())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));

		var consent = json.readTree(api.get("/api/contacts/u-cy/consent").body());

		assertThat(consent.get("marketing").asBoolean()).isTrue();
		assertThat(consent.get("transactional").asBoolean()).isTrue();
		assertThat(consent.get("topics").get("newsletter").get("status").asText()).isEqualTo("UNSUBSCRIBED");
		assertThat(consent.get("topics").get("newsletter").get("receives").asBoolean()).isFalse();
		assertThat(consent.get("topics").get("promotions").get("status").asText()).isEqualTo("NOT_SET");
		assertThat(consent.get("topics").get("promotions").get("receives").asBoolean()).isTrue();
		assertThat(consent.get("history").get(0).get("source").asText()).isEqualTo("ONE_CLICK");
		assertThat(consent.get("history").get(0).get("topic").asText()).isEqualTo("newsletter");
		assertThat(api.get("/api/contacts/nobody/consent").statusCode()).isEqualTo(404);
	}

	@Test
	void operatorsManageTheSuppressionList() throws Exception {
		HttpResponse<String> added = api.postJson("/api/suppressions",
				"{\"email\": \"Blocked@Example.com\", \"reason\": \"manual\", \"detail\": \"asked by phone\"}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		assertThat(json.readTree(added.body()).get("email").asText()).isEqualTo("blocked@example.com");
		assertThat(api.get("/api/suppressions/blocked@example.com").statusCode()).isEqualTo(200);
		assertThat(api.get("/api/suppressions?size=500").body()).contains("blocked@example.com");

		String[][] bad = { { "{\"email\": \"nope\", \"reason\": \"manual\"}", "email" },
				{ "{\"email\": \"x@example.com\", \"reason\": \"because\"}", "reason" },
				{ "{\"reason\": \"manual\"}", "email" }, { "{\"email\": \"x@example.com\"}", "reason" },
				{ "{\"email\": \"x@example.com\", \"reason\": \"manual\", \"extra\": 1}", "extra" } };
		for (String[] input : bad) {
			HttpResponse<String> response = api.postJson("/api/suppressions", input[0]);
			assertThat(response.statusCode()).as(input[0]).isEqualTo(400);
			assertThat(json.readTree(response.body()).get("detail").asText()).contains(input[1]);
		}
		assertThat(api.get("/api/suppressions/x@example.com").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/suppressions?size=0").statusCode()).isEqualTo(400);

		assertThat(api.send(api.request("/api/suppressions/blocked@example.com").DELETE()).statusCode()).isEqualTo(204);
		assertThat(api.get("/api/suppressions/blocked@example.com").statusCode()).isEqualTo(404);
		assertThat(api.send(api.request("/api/suppressions/blocked@example.com").DELETE()).statusCode()).isEqualTo(404);
		assertThat(ApiClient.anonymous(port).get("/api/suppressions").statusCode()).isEqualTo(401);
	}

	private void signUp(String contactId, String email, String zone) {
		String contact = "{\"id\": \"" + contactId + "\"" + (email == null ? "" : ", \"email\": \"" + email + "\"")
				+ (zone == null ? "" : ", \"timeZone\": \"" + zone + "\"") + "}";
		HttpResponse<String> response = api.postJson("/api/events",
				"{\"name\": \"SignupReceived\", \"contact\": " + contact + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

}
