package io.tidings.event;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import org.camunda.bpm.engine.RuntimeService;
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
 * {@code POST /api/events/batch} on PostgreSQL: each event is handled as a single
 * {@code POST /api/events} would be, with a result per event in order; bad events are
 * rejected alone and leave nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
@DirtiesContext
class EventBatchIT extends PostgresApiTest {

	@Autowired
	RuntimeService runtime;

	@Test
	void eachEventGetsItsOwnResultAndBadOnesLeaveNothing() throws Exception {
		HttpResponse<String> response = api.postJson("/api/events/batch",
				"""
						{"events": [
						  {"id": "b-1", "name": "SignupReceived", "contact": {"id": "b-ann", "email": "ann@example.com"}},
						  {"id": "b-2", "name": "SignupReceived", "contact": {"id": "b-bob", "email": "not-an-address"}},
						  {"id": "b-3", "name": "SignupReceived", "contact": {"id": "b-cy", "email": "cy@example.com"}, "oops": 1},
						  "just text",
						  {"id": "b-5", "name": "SignupReceived", "contact": {"id": "b-dee"}},
						  {"id": "b-1", "name": "SignupReceived", "contact": {"id": "b-ann", "email": "ann@example.com"}},
						  {"id": "b-7", "name": "ProfileUpdated", "contact": {"id": "b-eve", "email": "eve@example.com",
						   "birthday": "--02-29", "attributes": {"plan": "pro"}}},
						  {"id": "b-8", "name": "SignupReceived", "contact": {"id": "b-fay", "email": "fay@example.com",
						   "birthday": "1991-02-29"}}
						]}""");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("accepted").asInt()).isEqualTo(2);
		assertThat(body.get("replayed").asInt()).isEqualTo(1);
		assertThat(body.get("rejected").asInt()).isEqualTo(5);
		JsonNode results = body.get("results");
		assertThat(statuses(results)).containsExactly("accepted", "rejected", "rejected", "rejected", "rejected",
				"replayed", "accepted", "rejected");
		assertThat(results.get(0).get("startedJourneys").asInt()).isEqualTo(1);
		assertThat(field(results.get(1))).isEqualTo("contact.email");
		assertThat(field(results.get(2))).isEqualTo("oops");
		assertThat(results.get(3).get("errors").get(0).get("message").asText()).isEqualTo("must be a JSON object");
		assertThat(field(results.get(4))).isEqualTo("contact.email");
		assertThat(results.get(5).get("eventId").asText()).isEqualTo("b-1");
		assertThat(field(results.get(7))).isEqualTo("contact.birthday");

		assertThat(jdbc.queryForList("SELECT id FROM events WHERE id LIKE 'b-%' ORDER BY id", String.class))
			.containsExactly("b-1", "b-7");
		assertThat(jdbc.queryForList("SELECT id FROM contacts WHERE id LIKE 'b-%' ORDER BY id", String.class))
			.containsExactly("b-ann", "b-eve");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("b-ann").count()).isOne();
		assertThat(jdbc.queryForObject("SELECT birthday_month * 100 + birthday_day FROM contacts WHERE id = 'b-eve'",
				Integer.class))
			.isEqualTo(229);
	}

	@Test
	void aThousandEventsGoInOneRequest() throws Exception {
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			events.append(i == 0 ? "" : ",")
				.append("{\"id\": \"k-%d\", \"name\": \"PageViewed\", \"contact\": {\"id\": \"k-c%d\", \"email\": \"k%d@example.com\"}}"
					.formatted(i, i % 100, i % 100));
		}

		HttpResponse<String> response = api.postJson("/api/events/batch", "{\"events\": [" + events + "]}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("accepted").asInt()).isEqualTo(1000);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE id LIKE 'k-%'", Integer.class))
			.isEqualTo(1000);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE id LIKE 'k-c%'", Integer.class))
			.isEqualTo(100);
	}

	@Test
	void eventsShareATransactionAGroupAtATimeAndAFailureMakesOnlyItsGroupGoOneByOne() throws Exception {
		// 45 events, 20 per transaction (the default): three transactions.
		assertThat(post(batchOf("g", 45, -1)).get("accepted").asInt()).isEqualTo(45);
		assertThat(transactionsThatStored("g-%")).isEqualTo(3);

		// The fourth event names a new contact without an address: its group of 20 is
		// undone and goes one event at a time; the other two groups stay one each.
		JsonNode body = post(batchOf("h", 45, 3));
		assertThat(body.get("accepted").asInt()).isEqualTo(44);
		assertThat(body.get("results").get(3).get("status").asText()).isEqualTo("rejected");
		assertThat(transactionsThatStored("h-%")).isEqualTo(19 + 2);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE id LIKE 'h-%'", Integer.class)).isEqualTo(44);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE id = 'h-c3'", Integer.class)).isZero();
	}

	private String batchOf(String prefix, int size, int withoutAddress) {
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < size; i++) {
			String email = i == withoutAddress ? "" : ", \"email\": \"%s%d@example.com\"".formatted(prefix, i);
			events.append(i == 0 ? "" : ",")
				.append("{\"id\": \"%s-%d\", \"name\": \"PageViewed\", \"contact\": {\"id\": \"%s-c%d\"%s}}"
					.formatted(prefix, i, prefix, i, email));
		}
		return "{\"events\": [" + events + "]}";
	}

	private JsonNode post(String batch) throws Exception {
		HttpResponse<String> response = api.postJson("/api/events/batch", batch);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/** Rows written by one transaction share PostgreSQL's xmin. */
	private int transactionsThatStored(String eventIds) {
		return jdbc.queryForObject("SELECT count(DISTINCT xmin::text) FROM events WHERE id LIKE ?", Integer.class,
				eventIds);
	}

	@Test
	void aBatchOfTheWrongShapeIsAProblem() throws Exception {
		StringBuilder tooMany = new StringBuilder("{\"events\": [");
		for (int i = 0; i <= 1000; i++) {
			tooMany.append(i == 0 ? "" : ",").append("{}");
		}
		tooMany.append("]}");
		List<String[]> cases = new ArrayList<>();
		cases.add(new String[] { tooMany.toString(), "events" });
		cases.add(new String[] { "{\"events\": []}", "events" });
		cases.add(new String[] { "{}", "events" });
		cases.add(new String[] { "[{\"name\": \"X\"}]", "JSON object" });
		cases.add(new String[] { "{\"events\": [", "not valid JSON" });
		cases.add(new String[] { "{\"events\": [], \"extra\": true}", "extra" });

		long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM events", Long.class);
		for (String[] bad : cases) {
			HttpResponse<String> response = api.postJson("/api/events/batch", bad[0]);
			assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json.readTree(response.body()).get("detail").asText()).as(bad[0]).contains(bad[1]);
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM events", Long.class)).isEqualTo(eventsBefore);
		assertThat(ApiClient.anonymous(port).postJson("/api/events/batch", "{\"events\": [{}]}").statusCode())
			.isEqualTo(401);
	}

	private static List<String> statuses(JsonNode results) {
		List<String> statuses = new ArrayList<>();
		results.forEach(result -> statuses.add(result.get("status").asText()));
		return statuses;
	}

	private static String field(JsonNode result) {
		return result.get("errors").get(0).get("field").asText();
	}

}
