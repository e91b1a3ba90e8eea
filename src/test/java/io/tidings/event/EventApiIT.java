package io.tidings.event;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.tidings.support.ApiClient;
import io.tidings.support.EmbeddedPostgresDatabase;
import io.tidings.support.Eventually;
import io.tidings.support.SmtpRelay;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event API against the whole application on PostgreSQL, with a real SMTP server
 * receiving the mail: events in over HTTP with Basic auth, journeys started and
 * continued, the welcome mail out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms" })
@DirtiesContext
class EventApiIT {

	@RegisterExtension
	static SmtpRelay smtp = SmtpRelay.onFreePort();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
		smtp.register(registry);
	}

	final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	ApiClient api;

	@BeforeEach
	void client() throws Exception {
		api = ApiClient.as(port, "demo", "demo");
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void signupEventSendsThePersonalisedWelcomeMail() throws Exception {
		HttpResponse<String> response = api.postJson("/api/events", """
				{"id": "evt-welcome-1", "name": "SignupReceived",
				 "contact": {"id": "c-42", "email": "ann@example.com", "firstName": "Ann", "locale": "en",
				             "timeZone": "Europe/Amsterdam", "attributes": {"plan": "free"}},
				 "data": {"source": "landing-page"}}""");

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("eventId").asText()).isEqualTo("evt-welcome-1");
		assertThat(body.get("startedJourneys").asInt()).isEqualTo(1);
		assertThat(body.get("continuedJourneys").asInt()).isZero();

		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("Welcome aboard, Ann!");
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("Ann <ann@example.com>");
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		Multipart parts = (Multipart) mail.getContent();
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("Hi Ann, welcome aboard!");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat((String) parts.getBodyPart(1).getContent()).contains("Hi Ann, welcome aboard!")
			.contains("<meta name=\"viewport\"");

		Map<String, Object> delivery = Eventually.within(Duration.ofSeconds(5),
				() -> jdbc.queryForMap("SELECT * FROM deliveries WHERE contact_id = 'c-42'"),
				row -> "SENT".equals(row.get("status")));
		assertThat(mail.getMessageID()).isEqualTo(delivery.get("message_id"));
		assertThat((String) delivery.get("smtp_reply")).startsWith("250");
		assertThat(delivery.get("journey_key")).isEqualTo("welcome");
		assertThat(delivery.get("step_id")).isEqualTo("SendWelcomeEmail");
	}

	@Test
	void repeatedEventIdIsAcceptedOnceAndAnsweredWithTheFirstResult() throws Exception {
		String event = """
				{"id": "evt-twice", "name": "SignupReceived",
				 "contact": {"id": "c-twice", "email": "twice@example.com", "firstName": "Tom"}}""";
		HttpResponse<String> first = api.postJson("/api/events", event);
		HttpResponse<String> second = api.postJson("/api/events", event);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(second.statusCode()).isEqualTo(202);
		assertThat(json.readTree(second.body())).isEqualTo(json.readTree(first.body()));
		assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("c-twice").count()).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE id = 'evt-twice'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void eventNoJourneyWaitsForIsStillRecorded() throws Exception {
		HttpResponse<String> response = api.postJson("/api/events", """
				{"name": "NewsletterOpenedInBrowser", "contact": {"id": "c-quiet", "email": "quiet@example.com"}}""");

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("startedJourneys").asInt()).isZero();
		assertThat(body.get("continuedJourneys").asInt()).isZero();
		assertThat(
				jdbc.queryForObject("SELECT name FROM events WHERE id = ?", String.class, body.get("eventId").asText()))
			.isEqualTo("NewsletterOpenedInBrowser");
	}

	@Test
	void correlationKeyContinuesOnlyTheJourneyStartedWithThatKey() throws Exception {
		String contact = "\"contact\": {\"id\": \"c-carts\", \"email\": \"carts@example.com\"}";
		post("{\"name\": \"ProbeStarted\", " + contact + ", \"correlationKey\": \"cart-1\"}");
		post("{\"name\": \"ProbeStarted\", " + contact + ", \"correlationKey\": \"cart-2\"}");
		post("{\"name\": \"ProbeStarted\", \"contact\": {\"id\": \"c-other\", \"email\": \"o@example.com\"},"
				+ " \"correlationKey\": \"cart-1\"}");

		JsonNode continued = post("{\"name\": \"ProbeContinued\", " + contact
				+ ", \"correlationKey\": \"cart-1\", \"data\": {\"n\": 1}}");
		assertThat(continued.get("continuedJourneys").asInt()).isEqualTo(1);
		assertThat(continued.get("startedJourneys").asInt()).isZero();
		assertThat(waitingProbes("c-carts")).containsExactly("cart-2");
		assertThat(waitingProbes("c-other")).containsExactly("cart-1");

		JsonNode withoutKey = post("{\"name\": \"ProbeContinued\", " + contact + "}");
		assertThat(withoutKey.get("continuedJourneys").asInt()).isEqualTo(1);
		assertThat(waitingProbes("c-carts")).isEmpty();
		assertThat(waitingProbes("c-other")).containsExactly("cart-1");
	}

	@Test
	void eventDataBecomesJourneyVariablesWithTheirJsonTypes() throws Exception {
		post("""
				{"name": "ProbeStarted", "contact": {"id": "c-data", "email": "data@example.com"},
				 "data": {"cartTotal": 42.5, "items": [{"sku": "A-1", "qty": 2}], "gift": true, "note": null,
				          "shipping": {"carrier": "PostNL"}}}""");

		String instance = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("c-data")
			.singleResult()
			.getId();
		Map<String, Object> variables = runtime.getVariables(instance);
		assertThat(variables).containsEntry("cartTotal", 42.5).containsEntry("gift", true).containsKey("note");
		assertThat(variables.get("items").toString()).contains("A-1");
		assertThat(variables.get("shipping").toString()).contains("PostNL");
	}

	static Stream<Arguments> badEvents() {
		String big = "x".repeat(70_000);
		return Stream.of(Arguments.of("{}", "name"),
				Arguments.of("{\"name\": \"SignupReceived\", \"contact\": {\"email\": \"a@example.com\"}}",
						"contact.id"),
				Arguments.of(
						"{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-1\", \"email\": \"not-an-email\"}}",
						"contact.email"),
				Arguments.of(
						"{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-2\", \"email\": \"ann@example\"}}",
						"contact.email"),
				Arguments.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": 42, \"email\": \"a@example.com\"}}",
						"contact.id"),
				Arguments.of(
						"{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-3\", \"email\": \"a@example.com\"}, \"surprise\": 1}",
						"surprise"),
				Arguments.of(
						"{\"name\": \"Signup Received\", \"contact\": {\"id\": \"bad-4\", \"email\": \"a@example.com\"}}",
						"name"),
				Arguments
					.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-5\", \"email\": \"a@example.com\","
							+ " \"firstName\": \"Ann\\r\\nBcc: victim@example.com\"}}", "contact.firstName"),
				Arguments.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-6\"}}", "contact.email"),
				Arguments
					.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-7\", \"email\": \"a@example.com\","
							+ " \"timeZone\": \"Mars/Olympus_Mons\"}}", "contact.timeZone"),
				Arguments
					.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-8\", \"email\": \"a@example.com\","
							+ " \"locale\": \"english please\"}}", "contact.locale"),
				Arguments
					.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-9\", \"email\": \"a@example.com\"},"
							+ " \"data\": [1, 2]}", "data"),
				Arguments
					.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-10\", \"email\": \"a@example.com\"},"
							+ " \"data\": {\"blob\": \"" + big + "\"}}", "larger than 65536 bytes"),
				Arguments.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-11\"", "not valid JSON"),
				Arguments.of("[]", "JSON object"), Arguments.of("", "JSON object"),
				Arguments.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-12\", \"email\": 5}}",
						"contact.email must be a string"),
				Arguments
					.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-13\", \"email\": \"a@example.com\","
							+ " \"birthday\": \"1991-02-29\"}}", "contact.birthday"),
				Arguments
					.of("{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"bad-14\", \"email\": \"a@example.com\","
							+ " \"signedUpOn\": \"last week\"}}", "contact.signedUpOn"));
	}

	@ParameterizedTest
	@MethodSource("badEvents")
	void badInputGetsProblemDetailsNamingTheFieldAndLeavesNothingBehind(String body, String named) throws Exception {
		long instancesBefore = runtime.createProcessInstanceQuery().count();
		long eventsBefore = count("events");
		long contactsBefore = count("contacts");

		HttpResponse<String> response = api.postJson("/api/events", body);

		int status = named.startsWith("larger than") ? 413 : 400;
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asText()).contains(named);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
		assertThat(count("events")).isEqualTo(eventsBefore);
		assertThat(count("contacts")).isEqualTo(contactsBefore);
	}

	@Test
	void apiAndEngineRestRequireALogin() throws Exception {
		ApiClient anonymous = ApiClient.anonymous(port);
		HttpResponse<String> events = anonymous.postJson("/api/events",
				"{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"c-anon\", \"email\": \"anon@example.com\"}}");
		assertThat(events.statusCode()).isEqualTo(401);
		assertThat(events.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
		assertThat(json.readTree(events.body()).get("status").asInt()).isEqualTo(401);
		assertThat(count("contacts WHERE id = 'c-anon'")).isZero();

		assertThat(anonymous.get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
		assertThat(api.get("/engine-rest/process-instance?processDefinitionKey=welcome").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void wrongPasswordIsRefused() {
		// A user of its own: Camunda throttles a user's logins for a while after a wrong
		// password.
		if (identity.createUserQuery().userId("wrongpasswordprobe").count() == 0) {
			var user = identity.newUser("wrongpasswordprobe");
			user.setPassword("right-password");
			identity.saveUser(user);
		}
		HttpResponse<String> response = ApiClient.as(port, "wrongpasswordprobe", "guess")
			.postJson("/api/events",
					"{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"c-x\", \"email\": \"x@example.com\"}}");
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private JsonNode post(String body) throws Exception {
		HttpResponse<String> response = api.postJson("/api/events", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body());
	}

	private List<Object> waitingProbes(String contactId) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey("correlationProbe")
			.processInstanceBusinessKey(contactId)
			.list()
			.stream()
			.map(instance -> runtime.getVariable(instance.getId(), "correlationKey"))
			.toList();
	}

	private long count(String table) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
	}

}
