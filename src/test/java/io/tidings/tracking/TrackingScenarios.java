package io.tidings.tracking;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.SmtpRelay;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

import static io.tidings.support.MailParts.htmlOf;
import static io.tidings.support.MailParts.textOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open and click tracking over real HTTP and SMTP, on PostgreSQL ({@link TrackingIT}) and
 * on H2 ({@link TrackingH2IT}): a journey mail goes out with a pixel and tracked links, a
 * scanner's and then a person's open, a click that redirects to the mail's own URL and
 * moves the journey on, an order attributed to the clicked step, and links that lead
 * nowhere else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms",
				"tidings.consent.public-url=https://mail.shop.example", "tidings.tracking.machine.window=1s",
				"tidings.tracking.text-links=true" })
@DirtiesContext
abstract class TrackingScenarios {

	static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15";

	@RegisterExtension
	static SmtpRelay smtp = SmtpRelay.onFreePort();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		smtp.register(registry);
	}

	final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	ApiClient recipient;

	@BeforeEach
	void clients() {
		api = ApiClient.as(port, "demo", "demo");
		recipient = ApiClient.anonymous(port);
	}

	@Test
	void opensAndClicksAreRecordedMoveTheJourneyAndEarnTheConversion() throws Exception {
		String journey = start("trk-ann", "ann.tracked@example.com");
		Document html = Jsoup.parse(htmlOf(mailTo("ann.tracked@example.com")));
		String pixel = html.select("img[src*=/t/o/]").attr("src");
		String button = html.select("a.button").attr("href");
		assertThat(pixel).matches("https://mail\\.shop\\.example/t/o/[A-Za-z0-9_-]{22}");
		assertThat(button).matches("https://mail\\.shop\\.example/t/c/[A-Za-z0-9_-]{22}");
		assertThat(html.select("a:contains(Unsubscribe)").attr("href")).as("never tracked")
			.startsWith("https://mail.shop.example/u/");
		String delivery = jdbc.queryForObject("SELECT id FROM deliveries WHERE contact_id = 'trk-ann'", String.class);
		waitingAt(journey, "WaitForOpen");

		HttpResponse<String> scanned = fetch(pixel, "Barracuda Sentinel/3.1");
		assertThat(scanned.statusCode()).isEqualTo(200);
		assertThat(scanned.headers().firstValue("Content-Type")).hasValue("image/gif");
		assertThat(scanned.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(value -> assertThat(value).contains("no-store"));
		assertThat(opens(delivery)).containsEntry("open_count", 1).containsEntry("human_open_count", 0);
		assertThat(waitingAt(journey, "WaitForOpen")).as("a machine open moves no journey").isTrue();

		waitUntilMachineWindowPassed(delivery);
		assertThat(fetch(pixel, IPHONE).statusCode()).isEqualTo(200);
		assertThat(opens(delivery)).containsEntry("open_count", 2).containsEntry("human_open_count", 1);
		assertThat(waitingAt(journey, "WaitForClick")).isTrue();
		assertThat(fetch(pixel, IPHONE).statusCode()).isEqualTo(200);
		assertThat(opens(delivery)).containsEntry("open_count", 3).containsEntry("human_open_count", 2);

		HttpResponse<String> clicked = fetch(button + "?url=https://evil.example/", IPHONE);
		assertThat(clicked.statusCode()).isEqualTo(302);
		assertThat(clicked.headers().firstValue("Location")).as("only where the mail said")
			.hasValue("https://example.com/start");
		assertThat(jdbc.queryForList(
				"""
						SELECT kind || ' ' || CASE WHEN machine THEN 'true' ELSE 'false' END || ' ' || coalesce(url, '-') || ' ' || journey_key || ' ' || step_id
						       || ' ' || ip || ' ' || user_agent
						FROM engagements WHERE delivery_id = ? ORDER BY occurred_at""",
				String.class, delivery))
			.containsExactly("OPEN true - trackingProbe SendProbe 127.0.0.1 Barracuda Sentinel/3.1",
					"OPEN false - trackingProbe SendProbe 127.0.0.1 " + IPHONE,
					"OPEN false - trackingProbe SendProbe 127.0.0.1 " + IPHONE,
					"CLICK false https://example.com/start trackingProbe SendProbe 127.0.0.1 " + IPHONE);
		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceId(journey)
			.singleResult()
			.getEndActivityId()).isEqualTo("Clicked");
		assertThat(variables(journey)).containsEntry("url", "https://example.com/start")
			.containsEntry("deliveryStepId", "SendProbe")
			.containsEntry("deliveryId", delivery);
		assertThat(jdbc.queryForObject("SELECT last_engaged_at FROM contacts WHERE id = 'trk-ann'", Instant.class))
			.isNotNull();

		HttpResponse<String> order = api.postJson("/api/events", """
				{"name": "OrderPlaced", "contact": {"id": "trk-ann"}, "correlationKey": "order-trk-1",
				 "data": {"revenue": "49.90", "currency": "eur"}}""");
		assertThat(order.statusCode()).as(order.body()).isEqualTo(202);
		assertThat(jdbc.queryForMap("""
				SELECT event_name, revenue, currency, delivery_id, journey_key, step_id, variant
				FROM conversions WHERE contact_id = 'trk-ann'""")).containsEntry("event_name", "OrderPlaced")
			.containsEntry("currency", "EUR")
			.containsEntry("delivery_id", delivery)
			.containsEntry("journey_key", "trackingProbe")
			.containsEntry("step_id", "SendProbe")
			.containsEntry("variant", null)
			.hasEntrySatisfying("revenue", revenue -> assertThat(revenue.toString()).isEqualTo("49.9000"));
	}

	@Test
	void aClickWithoutAnOpenCountsAsTheOpenAndAScannersClickMovesNothing() throws Exception {
		String journey = start("trk-bo", "bo.tracked@example.com");
		MimeMessage mail = mailTo("bo.tracked@example.com");
		String button = Jsoup.parse(htmlOf(mail)).select("a.button").attr("href");
		assertThat(textOf(mail)).as("the text part has the same tracked link")
			.contains(button)
			.doesNotContain("https://example.com/start");
		String delivery = jdbc.queryForObject("SELECT id FROM deliveries WHERE contact_id = 'trk-bo'", String.class);
		waitingAt(journey, "WaitForOpen");

		HttpResponse<String> scanned = fetch(button, "Mozilla/5.0 (compatible; SafeLinksBot/1.0)");
		assertThat(scanned.statusCode()).isEqualTo(302);
		assertThat(opens(delivery)).containsEntry("open_count", 0);
		assertThat(waitingAt(journey, "WaitForOpen")).isTrue();

		waitUntilMachineWindowPassed(delivery);
		assertThat(fetch(button, IPHONE).statusCode()).isEqualTo(302);
		assertThat(opens(delivery)).containsEntry("open_count", 1).containsEntry("human_open_count", 1);
		assertThat(jdbc.queryForList(
				"SELECT kind || ' ' || CASE WHEN machine THEN 'true' ELSE 'false' END FROM engagements WHERE delivery_id = ?"
						+ " ORDER BY occurred_at, kind DESC",
				String.class, delivery))
			.containsExactly("CLICK true", "OPEN false", "CLICK false");
		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceId(journey)
			.singleResult()
			.getEndActivityId()).as("EmailOpened, then EmailClicked").isEqualTo("Clicked");
	}

	@Test
	void unknownTamperedAndForeignTokensGetThePlain404Page() throws Exception {
		start("trk-cy", "cy.tracked@example.com");
		Document html = Jsoup.parse(htmlOf(mailTo("cy.tracked@example.com")));
		String click = URI.create(html.select("a.button").attr("href")).getPath();
		String open = URI.create(html.select("img[src*=/t/o/]").attr("src")).getPath();
		String tampered = click.substring(0, click.length() - 1) + (click.endsWith("A") ? "B" : "A");
		long before = jdbc.queryForObject("SELECT count(*) FROM engagements", Long.class);

		for (String path : List.of(tampered, "/t/c/AAAAAAAAAAAAAAAAAAAAAA", "/t/c/nonsense", "/t/c/" + "x".repeat(300),
				"/t/o/" + open.substring(5, open.length() - 1) + "_", "/t/o/a.b", "/t/c/" + open.substring(5),
				"/t/o/" + click.substring(5), "/t/c/https:%2F%2Fevil.example", "/t/c/%2F%2Fevil.example",
				"/t/c/..%2F..%2Fevil")) {
			HttpResponse<String> response = recipient.send(recipient.request(path).header("User-Agent", IPHONE));
			assertThat(response.statusCode()).as(path).isBetween(400, 404);
			assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
			assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("cy.tracked");
			if (response.statusCode() == 404 && path.length() < 100 && !path.contains("%")) {
				assertThat(response.body()).as(path).contains("This link does not work");
			}
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM engagements", Long.class)).isEqualTo(before);
	}

	private String start(String contactId, String email) {
		HttpResponse<String> response = api.postJson("/api/events", """
				{"name": "TrackingProbeStarted", "contact": {"id": "%s", "email": "%s", "firstName": "Ann"}}"""
			.formatted(contactId, email));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey("trackingProbe")
			.processInstanceBusinessKey(contactId)
			.singleResult()
			.getId();
	}

	private HttpResponse<String> fetch(String url, String userAgent) {
		URI uri = URI.create(url);
		String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		return recipient.send(recipient.request(path).header("User-Agent", userAgent));
	}

	private boolean waitingAt(String journey, String activityId) {
		return Eventually.within(Duration.ofSeconds(15),
				() -> runtime.createExecutionQuery().processInstanceId(journey).activityId(activityId).count(),
				count -> count == 1) == 1;
	}

	private void waitUntilMachineWindowPassed(String delivery) throws InterruptedException {
		Instant sent = jdbc.queryForObject("SELECT sent_at FROM deliveries WHERE id = ?", Instant.class, delivery);
		long wait = Duration.between(Instant.now(), sent.plusMillis(1200)).toMillis();
		if (wait > 0) {
			Thread.sleep(wait);
		}
	}

	private Map<String, Object> opens(String delivery) {
		return jdbc.queryForMap("SELECT open_count, human_open_count FROM delivery_opens WHERE delivery_id = ?",
				delivery);
	}

	private Map<String, Object> variables(String journey) {
		return history.createHistoricVariableInstanceQuery()
			.processInstanceId(journey)
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(HistoricVariableInstance::getName,
					HistoricVariableInstance::getValue, (a, b) -> b));
	}

	private static MimeMessage mailTo(String address) {
		return Eventually
			.within(Duration.ofSeconds(15), () -> Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
				try {
					return Arrays.toString(message.getAllRecipients()).contains(address);
				}
				catch (Exception ex) {
					throw new AssertionError(ex);
				}
			}).toList(), mails -> mails.size() == 1)
			.get(0);
	}

}
