package io.tidings.privacy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.consent.UnsubscribeLinks;
import io.tidings.platform.DataSubject;
import io.tidings.platform.PersonalData;
import io.tidings.support.ApiClient;
import io.tidings.support.DatabaseScan;
import io.tidings.support.EmbeddedPostgresDatabase;
import io.tidings.support.Eventually;
import io.tidings.support.ScriptedSmtpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDPR export and erasure over real HTTP and SMTP on PostgreSQL. A contact lives a full
 * life first: a mail to its old address bounces, it changes address, journeys start from
 * events carrying its name, mail goes out, a broadcast reaches it, it unsubscribes with
 * one click, and a journey still runs. The export must show all of it; after the erasure
 * a scan of every text, JSON and binary column of the whole database, the engine's tables
 * included, must find neither its addresses, nor its name, nor its id, while another
 * contact's data stays and only a hash of each address is kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms",
				"tidings.broadcasts.poll-interval=200ms", "tidings.consent.public-url=https://mail.shop.example" })
@DirtiesContext
class PersonalDataIT {

	static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

	/** The contact whose erasure {@link FaultyModule} makes fail. */
	static final String FAULTY = "fault-8080";

	/** What the faulty module saw in the erasure's transaction just before it failed. */
	static final AtomicReference<Map<String, Long>> seenBeforeFault = new AtomicReference<>();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", smtp::port);
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

	@Autowired
	UnsubscribeLinks links;

	@Autowired
	PersonalDataRequests requests;

	@Autowired
	TransactionTemplate transaction;

	ApiClient api;

	@BeforeEach
	void client() {
		api = ApiClient.as(port, "demo", "demo");
		smtp.acceptAll();
	}

	/**
	 * Someone with distinctive, ASCII values, so a scan of the database cannot mistake
	 * anything else for them.
	 */
	record Person(String id, String email, String oldEmail, String firstName, String lastName, String userAgent,
			String cohort) {

		List<String> traces() {
			return List.of(id, email, oldEmail, firstName, lastName, userAgent,
					Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
		}

	}

	@Test
	void erasureLeavesNoTraceOfTheContactAnywhere() throws Exception {
		Person wilhelmina = new Person("wq-8813-zz", "Wilhelmina.Quackenbusch@Example.org",
				"w.quackenbusch@old.example", "Wilhelmina", "Quackenbusch", "QuackMail/7.7", "cohort-w");
		Person otto = new Person("ot-4242-yy", "otto.tannhauser@example.net", "otto.t@old.example", "Otto",
				"Tannhauser", "OttoMail/1.0", "cohort-o");
		live(wilhelmina);
		live(otto);
		DatabaseScan scan = new DatabaseScan(jdbc);
		for (String trace : wilhelmina.traces()) {
			List<String> hits = scan.find(trace);
			System.out.printf("Before the erasure, %s is in %s%n", trace, hits);
			assertThat(hits).as("before the erasure: " + trace).isNotEmpty();
		}
		assertThat(scan.find(wilhelmina.id())).as("the engine keeps the business key")
			.contains("act_ru_execution.business_key_ (1)", "act_hi_procinst.business_key_ (5)");
		assertThat(scan.find(wilhelmina.lastName())).as("and the event data in variables")
			.anyMatch(hit -> hit.startsWith("act_ge_bytearray.bytes_"))
			.anyMatch(hit -> hit.startsWith("act_hi_detail"));
		Map<String, Long> ottoBefore = footprint(otto);
		Map<String, Long> hers = footprint(wilhelmina);

		long start = System.nanoTime();
		HttpResponse<String> erased = api.send(api.request("/api/contacts/" + wilhelmina.id()).DELETE());
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		System.out.printf("Erasure of one contact (%d journeys, %d deliveries) over HTTP: %d ms; scan of %d columns%n",
				hers.get("journeys"), hers.get("deliveries"), millis, scan.columnCount());

		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
		Map<String, List<String>> left = new LinkedHashMap<>();
		for (String trace : wilhelmina.traces()) {
			List<String> hits = scan.find(trace);
			if (!hits.isEmpty()) {
				left.put(trace, hits);
			}
		}
		assertThat(left).as("traces left after the erasure").isEmpty();
		assertThat(footprint(otto)).isEqualTo(ottoBefore);
		assertThat(scan.find(otto.email())).isNotEmpty();
		assertThat(jdbc.queryForList("SELECT address_hash FROM erased_addresses", String.class))
			.contains(sha256(wilhelmina.email().toLowerCase(Locale.ROOT)), sha256(wilhelmina.oldEmail()));
		assertThat(jdbc.queryForObject("SELECT cursor_id FROM broadcasts WHERE segment_key = ?", String.class,
				wilhelmina.cohort()))
			.isNull();

		assertProblem(api.get("/api/contacts/" + wilhelmina.id()), 404, wilhelmina.id());
		assertProblem(api.get("/api/contacts/" + wilhelmina.id() + "/export"), 404, wilhelmina.id());
		assertProblem(api.send(api.request("/api/contacts/" + wilhelmina.id()).DELETE()), 404, wilhelmina.id());
	}

	@Test
	void theExportHoldsEverythingInOneSectionPerModule() throws Exception {
		Person hieronymus = new Person("hb-5150-xx", "Hieronymus.Bosch@Example.org", "h.bosch@old.example",
				"Hieronymus", "Bosch", "BoschMail/2.0", "cohort-h");
		live(hieronymus);
		Map<String, Long> before = footprint(hieronymus);

		HttpResponse<String> response = api.get("/api/contacts/" + hieronymus.id() + "/export");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"contact-hb-5150-xx-personal-data.json\"");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode export = json.readTree(response.body());
		assertThat(export.get("contactId").asText()).isEqualTo(hieronymus.id());
		JsonNode sections = export.get("sections");
		assertThat(fieldNames(sections)).startsWith("contact")
			.contains("events", "deliveries", "consent", "journeys", "triggers", "broadcasts", "tracking");

		JsonNode fields = sections.get("contact").get("fields");
		assertThat(fields.get("email").asText()).isEqualTo(hieronymus.email());
		assertThat(fields.get("firstName").asText()).isEqualTo(hieronymus.firstName());
		assertThat(fields.get("lastName").asText()).isEqualTo(hieronymus.lastName());
		assertThat(fields.get("attributes").get("nickname").asText()).isEqualTo("Quacky " + hieronymus.lastName());

		JsonNode events = sections.get("events");
		assertThat(events).hasSize(4);
		assertThat(events.get(1).get("name").asText()).isEqualTo("SignupReceived");
		assertThat(events.get(1).get("data").get("referrer").asText())
			.isEqualTo(hieronymus.firstName() + " " + hieronymus.lastName());

		JsonNode deliveries = sections.get("deliveries");
		assertThat(values(deliveries, "status")).containsExactly("BOUNCED", "SENT", "SENT", "SKIPPED");
		assertThat(values(deliveries, "recipient")).containsExactly(hieronymus.oldEmail(), hieronymus.email(),
				hieronymus.email(), hieronymus.email());
		assertThat(deliveries.get(1).get("htmlBody").asText()).contains("Hi " + hieronymus.firstName());
		assertThat(deliveries.get(1).get("recipientName").asText())
			.isEqualTo(hieronymus.firstName() + " " + hieronymus.lastName());

		JsonNode consent = sections.get("consent");
		assertThat(consent.get("topics").get("promotions").get("status").asText()).isEqualTo("SUBSCRIBED");
		assertThat(consent.get("history").toString()).contains("checkout checkbox, " + hieronymus.lastName());
		assertThat(consent.get("topics").get("newsletter").get("status").asText()).isEqualTo("UNSUBSCRIBED");
		assertThat(values(consent.get("history"), "source")).contains("ONE_CLICK", "API");
		assertThat(values(consent.get("history"), "userAgent")).containsOnly(hieronymus.userAgent());
		assertThat(values(consent.get("suppressions"), "reason")).containsExactlyInAnyOrder("HARD_BOUNCE",
				"UNSUBSCRIBED");

		JsonNode journeys = sections.get("journeys");
		assertThat(values(journeys, "journeyKey")).containsExactly("deliveryProbe", "welcome", "deliveryProbe",
				"broadcastProbe", "welcome");
		assertThat(values(journeys, "state")).containsExactly("COMPLETED", "INTERNALLY_TERMINATED", "COMPLETED",
				"INTERNALLY_TERMINATED", "ACTIVE");
		assertThat(journeys.get(1).get("endReason").asText()).startsWith("Contact unsubscribed");
		assertThat(values(journeys.get(4).get("steps"), "stepId")).contains("SignupReceived", "SendWelcomeEmail",
				"WaitTwoDays");
		assertThat(journeys.get(1).get("variables").toString()).contains("\"referrer\"")
			.contains(hieronymus.firstName() + " " + hieronymus.lastName());
		assertThat(journeys.get(0).get("variables").toString()).contains("bounceReason")
			.contains(hieronymus.oldEmail());
		JsonNode shipping = null;
		for (JsonNode variable : journeys.get(4).get("variables")) {
			if (variable.get("name").asText().equals("shipping")) {
				shipping = variable.get("value");
			}
		}
		assertThat(shipping).as("a JSON variable is exported as JSON").isNotNull();
		assertThat(shipping.get("name").asText()).isEqualTo(hieronymus.firstName() + " " + hieronymus.lastName());

		assertThat(values(sections.get("triggers").get("firings"), "trigger")).containsExactly("birthday");
		assertThat(values(sections.get("triggers").get("segmentMemberships"), "segment")).containsExactly("entry-vip");
		assertThat(values(sections.get("broadcasts"), "outcome")).containsExactly("STARTED");
		JsonNode tracking = sections.get("tracking");
		assertThat(values(tracking.get("engagements"), "kind")).contains("OPEN", "CLICK");
		assertThat(values(tracking.get("engagements"), "userAgent")).containsOnly(hieronymus.userAgent());
		assertThat(values(tracking.get("links"), "url")).contains("https://example.com/start");
		assertThat(footprint(hieronymus)).as("an export changes nothing").isEqualTo(before);
	}

	@Test
	void anErasedAddressIsNotImportedAgainAndGetsNoMarketingWhenItComesBack() throws Exception {
		String email = "Returning.Rosalind@Example.org";
		put("rr-1", "{\"email\": \"" + email + "\", \"firstName\": \"Rosalind\"}", 201);
		assertThat(api.send(api.request("/api/contacts/rr-1").DELETE()).statusCode()).isEqualTo(204);

		// An import of an old list: the erased address refuses the whole file, or (with
		// badRows=skip) is set aside with its reason, whatever its case, and the other
		// row
		// goes in.
		String oldList = "id,email,first_name\r\nrr-1,returning.rosalind@EXAMPLE.org,Rosalind\r\nnew-1,newcomer@example.org,New\r\n";
		HttpResponse<String> refused = api.send(api.request("/api/contacts/import")
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(oldList)));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).at("/errors/0/reason").asText())
			.isEqualTo("email was erased on request and is not imported again");
		assertThat(api.get("/api/contacts/new-1").statusCode()).isEqualTo(404);
		HttpResponse<String> imported = api.send(api.request("/api/contacts/import?badRows=skip")
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(oldList)));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
		JsonNode result = json.readTree(imported.body());
		assertThat(result.get("created").asLong()).isEqualTo(1);
		assertThat(result.get("rejected").asLong()).isEqualTo(1);
		String rejected = api.get(result.get("rejectedRowsUrl").asText()).body();
		assertThat(rejected).contains("2,2,rr-1,email,email was erased on request and is not imported again");
		assertThat(api.get("/api/contacts/rr-1").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/contacts/new-1").statusCode()).isEqualTo(200);

		// The person comes back through the API: allowed, but no marketing mail until
		// they
		// opt in again; transactional mail goes.
		put("rr-1", "{\"email\": \"" + email + "\", \"firstName\": \"Rosalind\", \"timeZone\": \"UTC\"}", 201);
		JsonNode consent = json.readTree(api.get("/api/contacts/rr-1/consent").body());
		assertThat(consent.get("marketing").asBoolean()).isFalse();
		assertThat(consent.get("transactional").asBoolean()).isTrue();
		assertThat(consent.get("suppression").get("reason").asText()).isEqualTo("ERASED");
		event("SignupReceived", "{\"id\": \"rr-1\"}", "{}");
		event("DeliveryProbeStarted", "{\"id\": \"rr-1\"}", "{\"category\": \"transactional\", \"sendAgain\": false}");
		Eventually.within(Duration.ofSeconds(20), () -> jdbc
			.queryForList("SELECT template_key || ' ' || status || ' ' || coalesce(status_reason, '') FROM deliveries"
					+ " WHERE contact_id = 'rr-1' ORDER BY created_at", String.class)
			.stream()
			.map(String::strip)
			.sorted()
			.toList(), rows -> rows.equals(List.of("welcome SENT", "welcome SKIPPED suppressed: erased")));
		// Re-imported now that the person is back, under the address they gave.
		HttpResponse<String> again = api.send(api.request("/api/contacts/import")
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers
				.ofString("id,email,last_name\r\nrr-1,returning.rosalind@example.org,R\r\n")));
		assertThat(json.readTree(again.body()).get("updated").asLong()).isEqualTo(1);

		// Subscribing again is the explicit wish that lets marketing mail go.
		assertThat(json.readTree(api.get("/api/suppressions/" + email).body()).get("reason").asText())
			.isEqualTo("ERASED");
		HttpResponse<String> optIn = api.postJson("/api/contacts/rr-1/consent", "{\"topics\": {\"newsletter\": true}}");
		assertThat(optIn.statusCode()).as(optIn.body()).isEqualTo(200);
		assertThat(json.readTree(optIn.body()).get("marketing").asBoolean()).isTrue();
		assertThat(api.get("/api/suppressions/" + email).statusCode()).isEqualTo(404);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM erased_addresses WHERE address_hash = ?", Long.class,
				sha256(email.toLowerCase(Locale.ROOT))))
			.isZero();
	}

	@Test
	void aFailureAnywhereErasesNothing() throws Exception {
		Person faulty = new Person(FAULTY, "Fiona.Faultline@Example.org", "f.faultline@old.example", "Fiona",
				"Faultline", "FaultMail/5.0", "cohort-f");
		live(faulty);
		Map<String, Long> before = footprint(faulty);
		DatabaseScan scan = new DatabaseScan(jdbc);
		Map<String, List<String>> tracesBefore = new LinkedHashMap<>();
		faulty.traces().forEach(trace -> tracesBefore.put(trace, scan.find(trace)));

		HttpResponse<String> response = api.send(api.request("/api/contacts/" + FAULTY).DELETE());

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain(faulty.email()).doesNotContain("Injected");
		// The other modules had erased their part when the fault came ...
		assertThat(seenBeforeFault.get()).containsEntry("contacts", 0L)
			.containsEntry("deliveries", 0L)
			.containsEntry("journeys", 0L)
			.containsEntry("runningJourneys", 0L);
		// ... and all of it came back with the rollback.
		assertThat(footprint(faulty)).isEqualTo(before);
		faulty.traces().forEach(trace -> assertThat(scan.find(trace)).as(trace).isEqualTo(tracesBefore.get(trace)));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM erased_addresses WHERE address_hash = ?", Long.class,
				sha256(faulty.email().toLowerCase(Locale.ROOT))))
			.isZero();
		assertThat(api.get("/api/contacts/" + FAULTY + "/export").statusCode()).isEqualTo(200);
	}

	@Test
	void erasingALongHistoryStaysQuick() throws Exception {
		int journeys = 100;
		List<String> events = new ArrayList<>();
		for (int i = 0; i < journeys; i++) {
			events.add("""
					{"name": "DeliveryProbeStarted", "contact": {"id": "lh-7", "email": "long.history@example.org",
					 "firstName": "Longhistoria", "timeZone": "UTC"},
					 "data": {"category": "transactional", "sendAgain": false, "order": "%d"}}""".formatted(i));
		}
		HttpResponse<String> batch = api.postJson("/api/events/batch",
				"{\"events\": [" + String.join(",", events) + "]}");
		assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
		Eventually.within(Duration.ofSeconds(120),
				() -> history.createHistoricProcessInstanceQuery()
					.processInstanceBusinessKey("lh-7")
					.finished()
					.count(),
				count -> count == journeys);
		long variables = history.createHistoricVariableInstanceQuery().count();

		long start = System.nanoTime();
		HttpResponse<String> erased = api.send(api.request("/api/contacts/lh-7").DELETE());
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

		assertThat(erased.statusCode()).isEqualTo(204);
		System.out.printf("Erasure of one contact with %d journeys, %d deliveries and %d events: %d ms%n", journeys,
				journeys, journeys, millis);
		assertThat(history.createHistoricVariableInstanceQuery().count()).isLessThan(variables);
		DatabaseScan scan = new DatabaseScan(jdbc);
		for (String trace : List.of("lh-7", "long.history@example.org", "Longhistoria")) {
			assertThat(scan.find(trace)).as(trace).isEmpty();
		}
	}

	/**
	 * A one-click unsubscribe that arrives while the contact is being erased waits for
	 * the erasure, then finds the contact gone: it must not write a consent record (with
	 * the person's IP and user agent) after the erasure deleted them.
	 */
	@Test
	void anUnsubscribeDuringTheErasureWaitsForItAndLeavesNothingBehind() throws Exception {
		put("race-ann", "{\"email\": \"race-ann@example.com\"}", 201);
		String path = URI.create(links.urlFor("race-ann", "newsletter")).getPath();
		ApiClient mailbox = ApiClient.anonymous(port);
		List<CompletableFuture<HttpResponse<String>>> click = new ArrayList<>();
		transaction.executeWithoutResult(status -> {
			requests.erase("race-ann");
			click.add(CompletableFuture.supplyAsync(() -> mailbox.send(mailbox.request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("User-Agent", "race-agent/1.0")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")))));
			sleep(Duration.ofSeconds(1));
			assertThat(click.get(0)).as("the unsubscribe waits for the erasure's lock on the contact").isNotDone();
		});

		HttpResponse<String> response = click.get(0).get(20, TimeUnit.SECONDS);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM consent_records WHERE contact_id = 'race-ann'",
				Integer.class))
			.isZero();
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM topic_consents WHERE contact_id = 'race-ann'", Integer.class))
			.isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE email = 'race-ann@example.com'",
				Integer.class))
			.isZero();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void unknownAndOddIdsAreNotFoundProblems() throws Exception {
		for (String id : new String[] { "nobody", "n%C3%B6-such-%E2%82%AC", "a.b", "%20", "x%22%3Cscript%3E" }) {
			assertProblem(api.send(api.request("/api/contacts/" + id).DELETE()), 404, null);
			assertProblem(api.get("/api/contacts/" + id + "/export"), 404, null);
		}
		// An odd id that exists is exported and erased like any other.
		String odd = "\u00fc \u2713 \"quoted\"";
		jdbc.update("""
				INSERT INTO contacts (id, email, attributes, created_at, updated_at)
				VALUES (?, 'odd@example.org', '{}', now(), now())""", odd);
		String path = new URI(null, null, "/api/contacts/" + odd, null).toASCIIString();
		HttpResponse<String> export = api.get(path + "/export");
		assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"contact-_____quoted_-personal-data.json\"");
		assertThat(json.readTree(export.body()).get("contactId").asText()).isEqualTo(odd);
		assertThat(api.send(api.request(path).DELETE()).statusCode()).isEqualTo(204);
		assertProblem(api.send(api.request(path).DELETE()), 404, null);
		// An encoded slash never reaches the controller.
		assertThat(api.send(api.request("/api/contacts/a%2Fb").DELETE()).statusCode()).isIn(400, 404);
		assertThat(ApiClient.anonymous(port)
			.send(ApiClient.anonymous(port).request("/api/contacts/nobody").DELETE())
			.statusCode()).isEqualTo(401);
		assertThat(ApiClient.anonymous(port).get("/api/contacts/nobody/export").statusCode()).isEqualTo(401);
	}

	/**
	 * Gives the person a full life: a bounce at the old address, a new address, mail sent
	 * and skipped, journeys completed, ended and running, a broadcast, a one-click
	 * unsubscribe, a trigger firing and a segment membership.
	 */
	private void live(Person person) throws Exception {
		String id = person.id();
		smtp.refuse(person.oldEmail(),
				"550 5.1.1 <" + person.oldEmail() + ">: Recipient address rejected: User unknown");
		event("DeliveryProbeStarted",
				"{\"id\": \"%s\", \"email\": \"%s\", \"firstName\": \"%s\", \"lastName\": \"%s\", \"timeZone\": \"UTC\"}"
					.formatted(id, person.oldEmail(), person.firstName(), person.lastName()),
				"{\"category\": \"transactional\", \"sendAgain\": false}");
		awaitDeliveries(id, List.of("BOUNCED"));
		Eventually.within(Duration.ofSeconds(20),
				() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count(), count -> count == 0);

		put(id, """
				{"email": "%s", "attributes": {"plan": "pro", "nickname": "Quacky %s", "cohort": "%s"}}"""
			.formatted(person.email(), person.lastName(), person.cohort()), 200);
		HttpResponse<String> subscribed = api.send(api.request("/api/contacts/" + id + "/consent")
			.header("Content-Type", "application/json")
			.header("User-Agent", person.userAgent())
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"topics": {"promotions": true}, "detail": "checkout checkbox, %s"}"""
				.formatted(person.lastName()))));
		assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
		event("SignupReceived", "{\"id\": \"" + id + "\"}", """
				{"referrer": "%s %s", "replyTo": "%s"}""".formatted(person.firstName(), person.lastName(),
				person.email()));
		awaitDeliveries(id, List.of("BOUNCED", "SENT"));
		event("DeliveryProbeStarted", "{\"id\": \"" + id + "\"}",
				"{\"category\": \"transactional\", \"sendAgain\": false}");
		awaitDeliveries(id, List.of("BOUNCED", "SENT", "SENT"));

		assertThat(api
			.postJson("/api/segments",
					"""
							{"key": "%s", "name": "Cohort", "rule": {"attribute": "cohort", "op": "eq", "value": "%s"}}"""
						.formatted(person.cohort(), person.cohort()))
			.statusCode()).isEqualTo(201);
		HttpResponse<String> broadcast = api.postJson("/api/broadcasts",
				"{\"journey\": \"broadcastProbe\", \"segment\": \"" + person.cohort() + "\", \"perSecond\": 50}");
		assertThat(broadcast.statusCode()).as(broadcast.body()).isEqualTo(201);
		String broadcastId = json.readTree(broadcast.body()).get("id").asText();
		Eventually.within(Duration.ofSeconds(20),
				() -> jdbc.queryForObject("SELECT status FROM broadcasts WHERE id = ?", String.class, broadcastId),
				"DONE"::equals);

		String welcome = smtp.acceptedFor(person.email())
			.stream()
			.map(accepted -> header(accepted.raw(), "List-Unsubscribe"))
			.filter(value -> value != null)
			.findFirst()
			.orElseThrow();
		ApiClient mailClient = ApiClient.anonymous(port);
		HttpResponse<String> unsubscribed = mailClient
			.send(mailClient.request(URI.create(welcome.substring(1, welcome.length() - 1)).getPath())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("User-Agent", person.userAgent())
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
		assertThat(unsubscribed.statusCode()).isEqualTo(200);
		// One click leaves the mail's topic; the API can leave all marketing mail.
		HttpResponse<String> unsubscribedAll = api.send(api.request("/api/contacts/" + id + "/consent")
			.header("Content-Type", "application/json")
			.header("User-Agent", person.userAgent())
			.POST(HttpRequest.BodyPublishers.ofString("{\"unsubscribeAll\": true}")));
		assertThat(unsubscribedAll.statusCode()).as(unsubscribedAll.body()).isEqualTo(200);

		// A journey still running, whose variables (a JSON object among them) name the
		// person.
		event("SignupReceived", "{\"id\": \"" + id + "\"}", """
				{"referrer": "again", "shipping": {"name": "%s %s", "email": "%s", "street": "1 Main St"}}"""
			.formatted(person.firstName(), person.lastName(), person.email()));
		awaitDeliveries(id, List.of("BOUNCED", "SENT", "SENT", "SKIPPED"));
		Eventually.within(Duration.ofSeconds(20),
				() -> runtime.createProcessInstanceQuery()
					.processInstanceBusinessKey(id)
					.activityIdIn("WaitTwoDays")
					.count(),
				count -> count == 1);

		// The pixel and a tracked link of one of its mails, fetched with its user agent.
		String link = jdbc.queryForObject(
				"SELECT token FROM tracked_links WHERE contact_id = ? ORDER BY created_at, token FETCH FIRST 1 ROWS ONLY",
				String.class, id);
		String pixel = jdbc.queryForObject(
				"SELECT open_token FROM delivery_opens WHERE contact_id = ? ORDER BY created_at FETCH FIRST 1 ROWS ONLY",
				String.class, id);
		assertThat(mailClient.send(mailClient.request("/t/o/" + pixel).header("User-Agent", person.userAgent()))
			.statusCode()).isEqualTo(200);
		assertThat(mailClient.send(mailClient.request("/t/c/" + link).header("User-Agent", person.userAgent()))
			.statusCode()).isEqualTo(302);

		// Rows the trigger module writes when a birthday fires and a watched segment
		// gains
		// a member; the scheduler's timing is TriggersIT's subject, so they are seeded.
		jdbc.update("INSERT INTO trigger_firings (trigger_key, contact_id, period, fired_at) VALUES ('birthday', ?, "
				+ "'2026', now())", id);
		jdbc.update("INSERT INTO segment_memberships (segment_key, contact_id, entered_at, seen_at) "
				+ "VALUES ('entry-vip', ?, now(), now())", id);
	}

	/** Counts of the person's rows in each place that holds them. */
	private Map<String, Long> footprint(Person person) {
		String id = person.id();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String[] table : new String[][] { { "contacts", "id" }, { "contact_attributes", "contact_id" },
				{ "events", "contact_id" }, { "deliveries", "contact_id" }, { "consent_records", "contact_id" },
				{ "trigger_firings", "contact_id" }, { "segment_memberships", "contact_id" },
				{ "broadcast_recipients", "contact_id" }, { "engagements", "contact_id" },
				{ "tracked_links", "contact_id" } }) {
			counts.put(table[0], jdbc.queryForObject("SELECT count(*) FROM " + table[0] + " WHERE " + table[1] + " = ?",
					Long.class, id));
		}
		counts.put("suppressions", jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE email IN (?, ?)",
				Long.class, person.email().toLowerCase(Locale.ROOT), person.oldEmail()));
		counts.put("journeys", history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).count());
		counts.put("runningJourneys", runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count());
		List<String> instances = new ArrayList<>();
		history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(id)
			.list()
			.forEach(instance -> instances.add(instance.getId()));
		counts.put("journeyVariables",
				instances.isEmpty() ? 0L
						: history.createHistoricVariableInstanceQuery()
							.processInstanceIdIn(instances.toArray(String[]::new))
							.count());
		return counts;
	}

	private void event(String name, String contact, String data) {
		HttpResponse<String> response = api.postJson("/api/events",
				"{\"name\": \"" + name + "\", \"contact\": " + contact + ", \"data\": " + data + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private void put(String id, String body, int status) {
		HttpResponse<String> response = api.send(api.request("/api/contacts/" + id)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
	}

	private void awaitDeliveries(String contactId, List<String> statuses) {
		Eventually.within(Duration.ofSeconds(20),
				() -> jdbc.queryForList("SELECT status FROM deliveries WHERE contact_id = ? ORDER BY created_at",
						String.class, contactId),
				statuses::equals);
	}

	private void assertProblem(HttpResponse<String> response, int status, String mentioned) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		if (mentioned != null) {
			assertThat(problem.get("detail").asText()).contains(mentioned);
		}
	}

	private static String header(String raw, String name) {
		try {
			return new MimeMessage(Session.getInstance(new Properties()),
					new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)))
				.getHeader(name, null);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> values(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(node.get(field).asText()));
		return values;
	}

	private static List<String> fieldNames(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A module whose erasure fails for one contact, after every other module has erased
	 * its part in the same transaction (it comes last); it notes what it saw then.
	 */
	@TestConfiguration
	static class FaultyModule {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		PersonalData faultyModule(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history) {
			return new PersonalData() {

				@Override
				public String section() {
					return "faultInjection";
				}

				@Override
				public Object export(DataSubject subject) {
					return Map.of();
				}

				@Override
				public void erase(DataSubject subject) {
					if (!FAULTY.equals(subject.contactId())) {
						return;
					}
					Map<String, Long> seen = new LinkedHashMap<>();
					seen.put("contacts",
							jdbc.queryForObject("SELECT count(*) FROM contacts WHERE id = ?", Long.class, FAULTY));
					seen.put("deliveries", jdbc.queryForObject("SELECT count(*) FROM deliveries WHERE contact_id = ?",
							Long.class, FAULTY));
					seen.put("journeys",
							history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(FAULTY).count());
					seen.put("runningJourneys",
							runtime.createProcessInstanceQuery().processInstanceBusinessKey(FAULTY).count());
					seenBeforeFault.set(seen);
					throw new IllegalStateException("Injected fault after every other module erased its part");
				}

			};
		}

	}

}
