package io.tidings.consent;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.PostgresApiTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-topic consent over the API on PostgreSQL: changes are recorded with their origin,
 * unsubscribing from a topic ends only that topic's journeys at once, bad requests get a
 * problem detail and change nothing. Also measures how long a one-click unsubscribe takes
 * to end the contact's journeys of the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.consent.public-url=https://mail.shop.example" })
class ConsentApiIT extends PostgresApiTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	UnsubscribeLinks links;

	@Test
	void changesAreRecordedWithTheirOriginAndEndOnlyThatTopicsJourneys() throws Exception {
		signUp("api-ann");
		startProbe("api-ann", "promotions");
		assertThat(journeys("api-ann")).isEqualTo(2);

		HttpResponse<String> response = api.postJson("/api/contacts/api-ann/consent",
				"{\"topics\": {\"newsletter\": true, \"promotions\": false}, \"detail\": \"checkout checkbox v3\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode view = json.readTree(response.body());
		assertThat(view.at("/topics/newsletter/status").asText()).isEqualTo("SUBSCRIBED");
		assertThat(view.at("/topics/promotions/status").asText()).isEqualTo("UNSUBSCRIBED");
		assertThat(view.at("/topics/product-updates/status").asText()).isEqualTo("NOT_SET");
		assertThat(view.at("/history/0/source").asText()).isEqualTo("API");
		assertThat(view.at("/history/0/detail").asText()).isEqualTo("checkout checkbox v3");
		// The welcome journey (newsletter) goes on; the promotions probe ended.
		assertThat(runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("api-ann")
			.list()
			.stream()
			.map(instance -> instance.getProcessDefinitionId().split(":")[0])
			.toList()).containsExactly("welcome");
		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey("api-ann")
			.processDefinitionKey("deliveryProbe")
			.singleResult()
			.getDeleteReason()).isEqualTo("Contact unsubscribed from promotions (API)");

		HttpResponse<String> all = api.postJson("/api/contacts/api-ann/consent", "{\"unsubscribeAll\": true}");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(json.readTree(all.body()).get("marketing").asBoolean()).isFalse();
		assertThat(journeys("api-ann")).isZero();
	}

	@Test
	void badRequestsGetAProblemAndChangeNothing() throws Exception {
		signUp("api-bob");
		int before = jdbc.queryForObject("SELECT count(*) FROM consent_records", Integer.class);
		String[][] bad = { { "{}", "topics" }, { "{\"topics\": {}}", "topics" },
				{ "{\"topics\": {\"weekly\": true}}", "topics.weekly" },
				{ "{\"topics\": {\"newsletter\": null}}", "topics.newsletter" },
				{ "{\"topics\": {\"newsletter\": true}, \"unsubscribeAll\": true}", "unsubscribeAll" },
				{ "{\"topics\": {\"newsletter\": \"maybe\"}}", "newsletter" },
				{ "{\"topics\": [\"newsletter\"]}", "topics" },
				{ "{\"topics\": {\"newsletter\": true}, \"x\": 1}", "x" },
				{ "{\"topics\": {\"newsletter\": true}, \"detail\": \"" + "d".repeat(256) + "\"}", "detail" },
				{ "not json", "JSON" } };
		for (String[] input : bad) {
			HttpResponse<String> response = api.postJson("/api/contacts/api-bob/consent", input[0]);
			assertThat(response.statusCode()).as(input[0]).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json.readTree(response.body()).get("detail").asText()).as(input[0]).contains(input[1]);
		}
		HttpResponse<String> unknown = api.postJson("/api/contacts/nobody/consent", "{\"unsubscribeAll\": true}");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(ApiClient.anonymous(port)
			.postJson("/api/contacts/api-bob/consent", "{\"unsubscribeAll\": true}")
			.statusCode()).isEqualTo(401);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM consent_records", Integer.class)).isEqualTo(before);
		assertThat(
				jdbc.queryForObject("SELECT count(*) FROM topic_consents WHERE contact_id = 'api-bob'", Integer.class))
			.isZero();
	}

	/**
	 * 20 contacts, each in two newsletter journeys (one waiting on a timer, one with its
	 * mail queued): the one-click POST returns once both are ended and the mail
	 * withdrawn, in the same transaction. Prints how long that took.
	 */
	@Test
	void oneClickEndsTheTopicsJourneysBeforeItAnswers() throws Exception {
		List<Long> millis = new ArrayList<>();
		ApiClient mailClient = ApiClient.anonymous(port);
		for (int i = 0; i < 20; i++) {
			String contact = "api-timing-" + i;
			signUp(contact);
			startProbe(contact, "newsletter");
			assertThat(journeys(contact)).isEqualTo(2);
			String path = URI.create(links.urlFor(contact, "newsletter")).getPath();
			long start = System.nanoTime();
			HttpResponse<String> response = mailClient.send(mailClient.request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
			long remaining = journeys(contact);
			millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
			assertThat(remaining).isZero();
			assertThat(jdbc.queryForObject(
					"SELECT count(*) FROM deliveries WHERE contact_id = ? AND status IN ('QUEUED', 'DEFERRED')",
					Integer.class, contact))
				.isZero();
		}
		Collections.sort(millis);
		// A figure for the closing note, not a test: the machine's load decides it.
		System.out.printf("One-click POST /u/{token} to the topic's journeys ended (20 contacts, 2 journeys each):"
				+ " p50 %d ms, p95 %d ms, max %d ms%n", millis.get(10), millis.get(18), millis.get(19));
	}

	private void signUp(String contactId) {
		HttpResponse<String> response = api.postJson("/api/events", "{\"name\": \"SignupReceived\", \"contact\": "
				+ "{\"id\": \"" + contactId + "\", \"email\": \"" + contactId + "@example.com\"}}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private void startProbe(String contactId, String topic) {
		api.postJson("/api/events", "{\"name\": \"DeliveryProbeStarted\", \"contact\": {\"id\": \"" + contactId
				+ "\"}, \"data\": {\"category\": \"" + topic + "\", \"sendAgain\": false}}");
		Eventually.within(Duration.ofSeconds(10), () -> journeys(contactId), count -> count == 2);
	}

	private long journeys(String contactId) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId).count();
	}

}
