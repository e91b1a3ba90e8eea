package io.tidings.contact;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
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
 * {@code /api/contacts} on PostgreSQL over HTTP: upsert under the caller's id, read with
 * recent events and journeys, page through, and bad input answered with problem details
 * that leave nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
@DirtiesContext
class ContactApiIT extends PostgresApiTest {

	@Test
	void putCreatesThenMergesAndGetShowsEventsAndJourneys() throws Exception {
		HttpResponse<String> created = put("ct-ann", """
				{"email": "ann@example.com", "firstName": "Ann", "locale": "nl-BE", "timeZone": "Europe/Brussels",
				 "birthday": "--02-29", "signedUpOn": "2024-05-01", "attributes": {"plan": "free", "seats": 3}}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json.readTree(created.body()).get("birthday").asText()).isEqualTo("--02-29");

		HttpResponse<String> updated = put("ct-ann",
				"{\"id\": \"ct-ann\", \"lastName\": \"Smith\", \"attributes\": {\"plan\": \"pro\", \"seats\": null}}");
		assertThat(updated.statusCode()).isEqualTo(200);
		JsonNode contact = json.readTree(updated.body());
		assertThat(contact.get("firstName").asText()).isEqualTo("Ann");
		assertThat(contact.get("lastName").asText()).isEqualTo("Smith");
		assertThat(contact.get("attributes").toString()).isEqualTo("{\"plan\":\"pro\"}");
		assertThat(jdbc.queryForList("SELECT name FROM contact_attributes WHERE contact_id = 'ct-ann'", String.class))
			.containsExactly("plan");

		assertThat(api.postJson("/api/events", """
				{"id": "ct-evt-1", "name": "SignupReceived", "contact": {"id": "ct-ann"}}""").statusCode())
			.isEqualTo(202);
		JsonNode detail = json.readTree(api.get("/api/contacts/ct-ann").body());
		assertThat(detail.get("contact").get("email").asText()).isEqualTo("ann@example.com");
		assertThat(detail.get("recentEvents").get(0).get("name").asText()).isEqualTo("SignupReceived");
		JsonNode journey = detail.get("journeys").get(0);
		assertThat(journey.get("journeyKey").asText()).isEqualTo("welcome");
		assertThat(journey.get("state").asText()).isEqualTo("ACTIVE");
		assertThat(journey.get("waitingAt").toString()).contains("SendWelcomeEmail");
	}

	@Test
	void putsOfOneNewContactAtTheSameMomentCreateItOnceAndUpdateIt() throws Exception {
		// The fuzz run found this: two PUTs of a new id both looked, both inserted, and
		// the
		// second answered 500.
		int clients = 8;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			for (int round = 0; round < 20; round++) {
				String id = "ct-race-" + round;
				CountDownLatch start = new CountDownLatch(1);
				List<Future<HttpResponse<String>>> answers = new ArrayList<>();
				for (int client = 0; client < clients; client++) {
					String body = "{\"email\": \"race" + round + "@example.com\", \"firstName\": \"C" + client + "\"}";
					answers.add(pool.submit(() -> {
						start.await();
						return put(id, body);
					}));
				}
				start.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<HttpResponse<String>> answer : answers) {
					HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
					assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
					statuses.add(response.statusCode());
				}
				assertThat(statuses).as(id).containsOnlyOnce(201);
				assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE id = ?", Integer.class, id))
					.isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aNewAddressForgetsTheOldAddressesCheck() {
		assertThat(put("ct-moved", "{\"email\": \"old@example.com\"}").statusCode()).isEqualTo(201);
		jdbc.update("UPDATE contacts SET address_status = 'VALID', address_reason = 'MX' WHERE id = 'ct-moved'");

		assertThat(put("ct-moved", "{\"firstName\": \"Moe\"}").statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT address_status FROM contacts WHERE id = 'ct-moved'", String.class))
			.isEqualTo("VALID");
		assertThat(put("ct-moved", "{\"email\": \"new@example.com\"}").statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT address_status FROM contacts WHERE id = 'ct-moved'", String.class))
			.isNull();
	}

	@Test
	void pagesGoInIdOrder() throws Exception {
		for (String id : List.of("pg-c", "pg-a", "pg-b")) {
			assertThat(put(id, "{\"email\": \"" + id + "@example.com\"}").statusCode()).isEqualTo(201);
		}
		JsonNode page = json.readTree(api.get("/api/contacts?page=0&size=500").body());
		List<String> ids = page.get("contacts").findValuesAsText("id");
		assertThat(ids.stream().filter(id -> id.startsWith("pg-")).toList()).containsExactly("pg-a", "pg-b", "pg-c");
		assertThat(page.get("total").asLong()).isEqualTo(ids.size());
		assertThat(json.readTree(api.get("/api/contacts?page=1000&size=10").body()).get("contacts")).isEmpty();

		assertThat(api.postJson("/api/segments", """
				{"key": "pg-ab", "name": "A and B", "rule": {"field": "id", "op": "in", "values": ["pg-a", "pg-b"]}}""")
			.statusCode()).isEqualTo(201);
		JsonNode members = json.readTree(api.get("/api/contacts?segment=pg-ab&size=10").body());
		assertThat(members.get("total").asLong()).isEqualTo(2);
		assertThat(members.get("contacts").findValuesAsText("id")).containsExactly("pg-a", "pg-b");
		HttpResponse<String> unknown = api.get("/api/contacts?segment=no-such");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json.readTree(unknown.body()).get("detail").asText()).contains("segment");
	}

	@Test
	void badInputIsAProblemAndStoresNothing() throws Exception {
		String[][] cases = { { "bad-1", "{\"email\": \"not-an-address\"}", "email" },
				{ "bad-2", "{\"firstName\": \"Ann\"}", "email" },
				{ "bad-3", "{\"email\": \"a@example.com\", \"locale\": \"english\"}", "locale" },
				{ "bad-4", "{\"email\": \"a@example.com\", \"timeZone\": \"Mars/Base\"}", "timeZone" },
				{ "bad-5", "{\"email\": \"a@example.com\", \"birthday\": \"1990-02-30\"}", "birthday" },
				{ "bad-6", "{\"email\": \"a@example.com\", \"signedUpOn\": \"2024-13-01\"}", "signedUpOn" },
				{ "bad-7", "{\"email\": \"a@example.com\", \"firstName\": \"A\\r\\nBcc: x@example.com\"}",
						"firstName" },
				{ "bad-8", "{\"id\": \"someone-else\", \"email\": \"a@example.com\"}", "id" },
				{ "bad-9", "{\"email\": \"a@example.com\", \"surprise\": true}", "surprise" },
				{ "bad-10", "{\"email\": \"a@example.com\", \"attributes\": [1]}", "attributes" },
				{ "bad-11", "{\"email\": \"a@example.com\"", "not valid JSON" } };
		for (String[] bad : cases) {
			HttpResponse<String> response = put(bad[0], bad[1]);
			assertThat(response.statusCode()).as(bad[1]).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json.readTree(response.body()).get("detail").asText()).as(bad[1]).contains(bad[2]);
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE id LIKE 'bad-%'", Integer.class)).isZero();

		HttpResponse<String> unknown = api.get("/api/contacts/nobody-here");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json.readTree(unknown.body()).get("detail").asText()).contains("nobody-here");
		assertThat(api.get("/api/contacts?size=501").statusCode()).isEqualTo(400);
		assertThat(api.get("/api/contacts?page=-1").statusCode()).isEqualTo(400);
		assertThat(ApiClient.anonymous(port).get("/api/contacts/ct-ann").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> put(String id, String body) {
		return api.send(api.request("/api/contacts/" + id)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

}
