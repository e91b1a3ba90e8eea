package io.tidings.platform;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.devmailbox.EmbeddedSmtpServer;
import io.tidings.support.ApiClient;
import io.tidings.support.EmbeddedPostgresDatabase;
import io.tidings.support.Eventually;
import io.tidings.support.FreePort;
import io.tidings.support.MailParts;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact fields and event data that look like template expressions, markup or header
 * lines travel through the API, a CSV import, a journey, SMTP (the app's own GreenMail,
 * read back as raw MIME), the preview and simulation APIs, the developer mailbox, the
 * preference center and the personal-data export as text: stored as given, never
 * evaluated, escaped in HTML, never an extra header or recipient. Control characters
 * where a header could take them (names, addresses) and NUL anywhere (PostgreSQL cannot
 * store it) are a 400 problem that stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=true", "tidings.delivery.poll-interval=200ms",
				"tidings.consent.public-url=https://mail.shop.example" })
@DirtiesContext
class InjectionIT {

	static final int SMTP_PORT = FreePort.find();

	/** A file the first payload would create if anything evaluated it. */
	static final Path PWNED = Path.of(System.getProperty("java.io.tmpdir"), "tidings-pwned-" + UUID.randomUUID());

	/** Every payload that is valid text in a name; CR, LF and NUL are tested apart. */
	static final List<String> PAYLOADS = List.of("${T(java.lang.Runtime).getRuntime().exec('touch " + PWNED + "')}",
			"__${T(java.lang.Runtime).getRuntime()}__", "[[${7*7}]]", "[(${7*7})]", "*{7*7}", "#{7*7}",
			"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>");

	static final String CRLF = "Name\r\nBcc: victim@example.com";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("tidings.dev-mailbox.smtp-port", () -> SMTP_PORT);
	}

	final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedSmtpServer smtp;

	ApiClient api;

	@BeforeEach
	void client() {
		api = ApiClient.as(port, "demo", "demo");
		smtp.clear();
	}

	@AfterAll
	static void nothingWasExecuted() {
		assertThat(PWNED).doesNotExist();
	}

	@Test
	void payloadsInNamesAndEventDataAreSentAsTextInSubjectBodyAndHeaders() throws Exception {
		for (int i = 0; i < PAYLOADS.size(); i++) {
			String payload = PAYLOADS.get(i);
			String id = "inj-" + i;
			HttpResponse<String> signup = api.postJson("/api/events",
					json.writeValueAsString(java.util.Map.of("name", "SignupReceived", "contact",
							java.util.Map.of("id", id, "email", id + "@example.com", "firstName", payload, "lastName",
									payload, "attributes", java.util.Map.of("note", payload)))));
			assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
			HttpResponse<String> order = api.postJson("/api/events",
					json.writeValueAsString(
							java.util.Map.of("name", "OrderPlaced", "correlationKey", "o-" + i, "contact",
									// A contact of its own: an order ends the welcome
									// journey, and
									// with it a welcome mail not sent yet.
									java.util.Map.of("id", "inj-o-" + i, "email", "inj-o-" + i + "@example.com",
											"firstName", payload, "lastName", payload),
									"data", java.util.Map.of("orderNumber", payload, "currency", "EUR", "items",
											List.of(java.util.Map.of("name", payload, "price", 5))))));
			assertThat(order.statusCode()).as(order.body()).isEqualTo(202);
		}
		List<MimeMessage> mails = awaitMails(2 * PAYLOADS.size());
		Eventually.within(Duration.ofSeconds(2), () -> smtp.received().size(), count -> count == 2 * PAYLOADS.size());

		for (int i = 0; i < PAYLOADS.size(); i++) {
			String payload = PAYLOADS.get(i);
			String address = "inj-" + i + "@example.com";
			MimeMessage welcome = mailTo(mails, address, "Welcome aboard");
			assertThat(welcome.getSubject()).isEqualTo("Welcome aboard, " + payload + "!");
			assertSingleRecipient(welcome, address, payload + " " + payload);
			assertThat(welcome.getHeader("List-Unsubscribe", null))
				.matches("<https://mail\\.shop\\.example/u/[A-Za-z0-9_.-]+>");
			assertShownAsText(MailParts.htmlOf(welcome), MailParts.textOf(welcome), payload,
					"Hi " + payload + ", welcome aboard!");

			String orderAddress = "inj-o-" + i + "@example.com";
			MimeMessage confirmation = mailTo(mails, orderAddress, "Thank you for your order");
			assertThat(confirmation.getSubject()).isEqualTo("Thank you for your order " + payload);
			assertSingleRecipient(confirmation, orderAddress, payload + " " + payload);
			assertShownAsText(MailParts.htmlOf(confirmation), MailParts.textOf(confirmation), payload,
					"Thank you, " + payload + "!");

			JsonNode stored = json.readTree(api.get("/api/contacts/inj-" + i).body()).get("contact");
			assertThat(stored.get("firstName").asText()).isEqualTo(payload);
			assertThat(stored.get("lastName").asText()).isEqualTo(payload);
			assertThat(stored.get("attributes").get("note").asText()).isEqualTo(payload);
			assertThat(jdbc.queryForObject("SELECT subject FROM deliveries WHERE recipient = ? AND template_key = ?",
					String.class, orderAddress, "order-confirmation"))
				.isEqualTo("Thank you for your order " + payload);
		}
	}

	@Test
	void theExportHoldsThePayloadsVerbatim() throws Exception {
		String payload = String.join(" ", PAYLOADS);
		putContact("inj-export",
				"{\"email\": \"export@example.com\", \"firstName\": " + json.writeValueAsString(PAYLOADS.get(6))
						+ ", \"attributes\": {\"all\": " + json.writeValueAsString(payload) + "}}");
		HttpResponse<String> event = api.postJson("/api/events",
				json.writeValueAsString(java.util.Map.of("name", "PageViewed", "contact",
						java.util.Map.of("id", "inj-export"), "data", java.util.Map.of("all", payload))));
		assertThat(event.statusCode()).as(event.body()).isEqualTo(202);

		HttpResponse<String> export = api.get("/api/contacts/inj-export/export");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> type.contains("json"));
		JsonNode body = json.readTree(export.body());
		assertThat(body.findValuesAsText("firstName")).contains(PAYLOADS.get(6));
		assertThat(body.findValuesAsText("all")).containsOnly(payload);
		assertThat(body.findValues("all")).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void controlCharactersInNamesAndAddressesAreRejectedAndStoreNothing() throws Exception {
		List<String> bodies = List.of(
				"{\"email\": \"crlf@example.com\", \"firstName\": " + json.writeValueAsString(CRLF) + "}",
				"{\"email\": \"crlf@example.com\", \"lastName\": " + json.writeValueAsString(CRLF) + "}",
				"{\"email\": \"nul@example.com\", \"firstName\": \"Ann\\u0000\"}",
				"{\"email\": " + json.writeValueAsString("a@example.com\r\nBcc: victim@example.com") + "}",
				"{\"email\": \"a@example.com\\u0000\"}", "{\"email\": \"a@example.com\", \"locale\": \"en\\r\\n\"}");
		for (String body : bodies) {
			HttpResponse<String> response = putContact("inj-bad", body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
		HttpResponse<String> event = api.postJson("/api/events",
				"{\"name\": \"SignupReceived\", \"contact\": "
						+ "{\"id\": \"inj-bad\", \"email\": \"b@example.com\", \"firstName\": "
						+ json.writeValueAsString(CRLF) + "}}");
		assertThat(event.statusCode()).isEqualTo(400);
		assertThat(json.readTree(event.body()).toString()).contains("contact.firstName");
		assertThat(api.get("/api/contacts/inj-bad").statusCode()).isEqualTo(404);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE contact_id = 'inj-bad'", Integer.class))
			.isZero();
	}

	@Test
	void nulInEventDataOrAttributesIsAProblemNotAServerError() throws Exception {
		List<String> events = List.of(
				"{\"name\": \"OrderPlaced\", \"contact\": {\"id\": \"inj-nul\", \"email\": \"nul@example.com\"}, "
						+ "\"data\": {\"orderNumber\": \"A\\u0000B\"}}",
				"{\"name\": \"OrderPlaced\", \"contact\": {\"id\": \"inj-nul\", \"email\": \"nul@example.com\"}, "
						+ "\"data\": {\"items\": [{\"name\": \"\\u0000\"}]}}",
				"{\"name\": \"OrderPlaced\", \"contact\": {\"id\": \"inj-nul\", \"email\": \"nul@example.com\", "
						+ "\"attributes\": {\"plan\": \"x\\u0000\"}}}",
				"{\"name\": \"OrderPlaced\", \"contact\": {\"id\": \"inj-nul\", \"email\": \"nul@example.com\"}, "
						+ "\"data\": {\"a\\u0000b\": 1}}");
		for (String event : events) {
			HttpResponse<String> response = api.postJson("/api/events", event);
			assertThat(response.statusCode()).as(event + " -> " + response.body()).isEqualTo(400);
			assertThat(response.body()).contains("NUL");
		}
		HttpResponse<String> batch = api.postJson("/api/events/batch", "{\"events\": [" + events.get(0) + "]}");
		assertThat(batch.statusCode()).as(batch.body()).isLessThan(500);
		assertThat(batch.body()).contains("NUL");
		HttpResponse<String> contact = putContact("inj-nul",
				"{\"email\": \"nul@example.com\", \"attributes\": {\"plan\": \"x\\u0000\"}}");
		assertThat(contact.statusCode()).as(contact.body()).isEqualTo(400);
		assertThat(api.get("/api/contacts/inj-nul").statusCode()).isEqualTo(404);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE contact_id = 'inj-nul'", Integer.class))
			.isZero();
	}

	@Test
	void crlfInEventDataNeverBecomesAHeaderOrARecipient() throws Exception {
		HttpResponse<String> order = api.postJson("/api/events",
				json.writeValueAsString(java.util.Map.of("name", "OrderPlaced", "correlationKey", "o-crlf", "contact",
						java.util.Map.of("id", "inj-crlf", "email", "crlf@example.com", "firstName", "Ann"), "data",
						java.util.Map.of("orderNumber", CRLF))));
		assertThat(order.statusCode()).as(order.body()).isEqualTo(202);
		List<MimeMessage> mails = Eventually.within(Duration.ofSeconds(20), smtp::received, list -> !list.isEmpty());
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).isEqualTo("Thank you for your order Name Bcc: victim@example.com");
		assertSingleRecipient(mail, "crlf@example.com", "Ann");
		assertThat(Collections.list(mail.getAllHeaderLines())).noneMatch(line -> line.startsWith("Bcc"));
		assertThat(MailParts.textOf(mail)).contains("Name Bcc: victim@example.com");
	}

	@Test
	void csvImportStoresPayloadsVerbatimAndRejectsControlCharacters() throws Exception {
		StringBuilder csv = new StringBuilder("id,email,firstName,note\r\n");
		for (int i = 0; i < PAYLOADS.size(); i++) {
			csv.append("csv-")
				.append(i)
				.append(",csv-")
				.append(i)
				.append("@example.com,")
				.append(quoted(PAYLOADS.get(i)))
				.append(',')
				.append(quoted(PAYLOADS.get(i)))
				.append("\r\n");
		}
		csv.append("csv-crlf,crlf@example.com,").append(quoted(CRLF)).append(",x\r\n");
		csv.append("csv-nul,nul@example.com,Ann\u0000,x\r\n");
		csv.append("csv-nul-attribute,nul2@example.com,Ann,x\u0000\r\n");
		HttpResponse<String> response = api.send(api.request("/api/contacts/import?badRows=skip")
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode summary = json.readTree(response.body());
		assertThat(summary.get("created").asInt()).isEqualTo(PAYLOADS.size());
		assertThat(summary.get("rejected").asInt()).isEqualTo(3);
		for (int i = 0; i < PAYLOADS.size(); i++) {
			JsonNode stored = json.readTree(api.get("/api/contacts/csv-" + i).body()).get("contact");
			assertThat(stored.get("firstName").asText()).isEqualTo(PAYLOADS.get(i));
			assertThat(stored.get("attributes").get("note").asText()).isEqualTo(PAYLOADS.get(i));
		}
		String rejected = api.get(summary.get("rejectedRowsUrl").asText()).body();
		assertThat(rejected).contains("csv-crlf").contains("csv-nul").contains("csv-nul-attribute");

		HttpResponse<String> nulSource = api
			.send(api.request("/api/contacts/import?consentTopics=newsletter&consentSource=Fair%00%0D%0ABcc:%20x")
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofString("id,email\r\ncsv-source,source@example.com\r\n")));
		assertThat(nulSource.statusCode()).as(nulSource.body()).isEqualTo(400);
		assertThat(nulSource.body()).contains("consentSource");
		assertThat(api.get("/api/contacts/csv-source").statusCode()).isEqualTo(404);
	}

	@Test
	void thePreviewRendersPayloadsAsText() throws Exception {
		for (String payload : PAYLOADS) {
			String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8);
			HttpResponse<String> response = api
				.get("/api/templates/order-confirmation/preview?data.orderNumber=" + encoded);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode preview = json.readTree(response.body());
			assertThat(preview.get("subject").asText()).isEqualTo("Thank you for your order " + payload);
			assertShownAsText(preview.get("html").asText(), preview.get("text").asText(), payload,
					"We have received your order " + payload);
		}
		HttpResponse<String> nul = api.get("/api/templates/order-confirmation/preview?data.orderNumber=A%00B");
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(nul.body()).contains("data.orderNumber").contains("NUL");
		String stored = "inj-preview";
		putContact(stored, "{\"email\": \"preview@example.com\", \"firstName\": "
				+ json.writeValueAsString(PAYLOADS.get(0)) + "}");
		JsonNode preview = json.readTree(api.get("/api/templates/welcome/preview?contact=" + stored).body());
		assertThat(preview.get("subject").asText()).isEqualTo("Welcome aboard, " + PAYLOADS.get(0) + "!");
	}

	@Test
	void theSimulationShowsPayloadsAsText() throws Exception {
		for (String payload : PAYLOADS) {
			HttpResponse<String> response = api.postJson("/api/journeys/welcome/simulate",
					json.writeValueAsString(java.util.Map.of("sampleContact",
							java.util.Map.of("firstName", payload, "locale", "en"), "events",
							List.of(java.util.Map.of("name", "SignupReceived", "after", "PT0S")), "days", 1)));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode timeline = json.readTree(response.body());
			assertThat(timeline.findValuesAsText("subject")).contains("Welcome aboard, " + payload + "!");
		}
	}

	@Test
	void theDeveloperMailboxAndThePreferenceCenterEscapeThePayloads() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < PAYLOADS.size(); i++) {
			String id = "inj-page-" + i;
			ids.add(id);
			HttpResponse<String> signup = api.postJson("/api/events",
					json.writeValueAsString(java.util.Map.of("name", "SignupReceived", "contact",
							java.util.Map.of("id", id, "email", id + "@example.com", "firstName", PAYLOADS.get(i)))));
			assertThat(signup.statusCode()).isEqualTo(202);
		}
		awaitMails(PAYLOADS.size());

		String list = api.get("/dev/mailbox").body();
		assertNoActiveMarkup(list);
		for (int n = 1; n <= PAYLOADS.size(); n++) {
			HttpResponse<String> page = api.get("/dev/mailbox/" + n);
			assertThat(page.statusCode()).isEqualTo(200);
			assertNoActiveMarkup(page.body());
			Document document = Jsoup.parse(page.body());
			String subject = document.selectFirst("h1").text();
			assertThat(PAYLOADS.stream().map(payload -> "Welcome aboard, " + payload + "!")).contains(subject);
			// The mail's HTML goes into a sandboxed frame's srcdoc, escaped once more.
			Document framed = Jsoup.parse(document.selectFirst("iframe").attr("srcdoc"));
			assertThat(framed.select("script, img[onerror]")).isEmpty();
		}
		for (String id : ids) {
			MimeMessage mail = mailTo(smtp.received(), id + "@example.com", "Welcome aboard");
			String preferences = Jsoup.parse(MailParts.htmlOf(mail))
				.select("a")
				.eachAttr("href")
				.stream()
				.filter(href -> href.contains("/preferences/"))
				.findFirst()
				.orElseThrow();
			String path = java.net.URI.create(preferences).getPath();
			HttpResponse<String> page = ApiClient.anonymous(port).get(path);
			assertThat(page.statusCode()).isEqualTo(200);
			assertNoActiveMarkup(page.body());
		}
	}

	private List<MimeMessage> awaitMails(int count) {
		try {
			return Eventually.within(Duration.ofSeconds(60), smtp::received, received -> received.size() >= count);
		}
		catch (AssertionError ex) {
			throw new AssertionError(
					"Deliveries: " + jdbc.queryForList(
							"SELECT recipient, template_key, status, last_error FROM deliveries ORDER BY created_at"),
					ex);
		}
	}

	private HttpResponse<String> putContact(String id, String body) {
		return api.send(api.request("/api/contacts/" + id)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static String quoted(String cell) {
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

	private static MimeMessage mailTo(List<MimeMessage> mails, String address, String subjectStart) throws Exception {
		for (MimeMessage mail : mails) {
			Object[] to = mail.getRecipients(Message.RecipientType.TO);
			if (to != null && ((InternetAddress) to[0]).getAddress().equals(address)
					&& mail.getSubject().startsWith(subjectStart)) {
				return mail;
			}
		}
		throw new AssertionError("No mail to " + address + " starting " + subjectStart);
	}

	/** One To, no Cc or Bcc, the name as given, and every header on its own line. */
	private static void assertSingleRecipient(MimeMessage mail, String address, String name) throws Exception {
		assertThat(mail.getAllRecipients()).hasSize(1);
		InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
		assertThat(to.getAddress()).isEqualTo(address);
		assertThat(to.getPersonal()).isEqualTo(name);
		assertThat(mail.getHeader("Cc")).isNull();
		assertThat(mail.getHeader("Bcc")).isNull();
		assertThat(mail.getHeader("To")).hasSize(1);
		assertThat(mail.getHeader("Subject")).hasSize(1);
		assertThat(mail.getHeader("From")).hasSize(1);
		for (String line : Collections.list(mail.getAllHeaderLines())) {
			assertThat(line).doesNotContain("\u0000").doesNotStartWithIgnoringCase("bcc");
			if (!line.startsWith("Subject:")) {
				assertThat(line).doesNotContain("victim");
			}
			// Folded lines continue with white space; a payload never starts a header.
			for (String physical : line.split("\r\n")) {
				assertThat(physical).matches("([A-Za-z0-9-]+:|[ \t]).*");
			}
		}
	}

	private static void assertShownAsText(String html, String text, String payload, String expectedText) {
		Document document = Jsoup.parse(html);
		assertThat(document.text()).contains(expectedText);
		assertThat(document.select("script, img[src=x]")).isEmpty();
		assertThat(document.getAllElements()).noneMatch(element -> element.hasAttr("onerror"));
		if (payload.contains("<")) {
			assertThat(html).doesNotContain(payload);
		}
		assertThat(text).contains(expectedText);
		assertThat(document.text() + text).doesNotContain(" 49");
	}

	private static void assertNoActiveMarkup(String page) {
		Document document = Jsoup.parse(page);
		assertThat(document.select("script")).isEmpty();
		assertThat(document.select("img[onerror]")).isEmpty();
		assertThat(page).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x onerror");
		assertThat(document.text()).doesNotContain(" 49");
	}

}
