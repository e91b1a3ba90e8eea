package io.tidings.contact;

import java.net.http.HttpResponse;
import java.util.List;

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
 * {@code /api/segments} on PostgreSQL over HTTP: contacts come in as events, a segment is
 * defined, counted, listed, replaced and deleted, its membership follows new events, and
 * every kind of bad definition is a problem that names its field and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.triggers.enabled=false" })
@DirtiesContext
class SegmentApiIT extends PostgresApiTest {

	static final String BENELUX_PRO = """
			{"all": [{"attribute": "plan", "op": "eq", "value": "pro"},
			         {"attribute": "country", "op": "in", "values": ["NL", "BE"]}]}""";

	static final String REPEAT_PRO = """
			{"all": [{"attribute": "plan", "op": "eq", "value": "pro"},
			         {"event": "OrderPlaced", "atLeast": 2, "withinDays": 30}]}""";

	@Test
	void aSegmentFollowsTheEventsFromDefinitionToDeletion() throws Exception {
		order("sg-ann", "{\"plan\": \"pro\", \"country\": \"NL\"}");
		order("sg-ann", null);
		order("sg-bob", "{\"plan\": \"pro\", \"country\": \"BE\"}");
		order("sg-cem", "{\"plan\": \"pro\", \"country\": \"DE\"}");
		order("sg-cem", null);
		order("sg-dee", "{\"plan\": \"free\", \"country\": \"NL\"}");

		HttpResponse<String> created = define("vip", "Pro customers in the Benelux", BENELUX_PRO);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/segments/vip");
		assertThat(body(created).get("count").asLong()).isEqualTo(2);
		assertThat(body(created).get("rule")).isEqualTo(json.readTree(BENELUX_PRO));

		assertThat(members("vip")).containsExactly("sg-ann", "sg-bob");
		assertThat(body(api.get("/api/segments/vip/count")).get("count").asLong()).isEqualTo(2);
		JsonNode page = body(api.get("/api/segments/vip/contacts?page=1&size=1"));
		assertThat(page.get("total").asLong()).isEqualTo(2);
		assertThat(page.get("contacts").findValuesAsText("id")).containsExactly("sg-bob");
		assertThat(page.get("contacts").get(0).get("attributes").get("country").asText()).isEqualTo("BE");
		JsonNode list = body(api.get("/api/segments"));
		assertThat(list.get("segments").findValuesAsText("key")).containsExactly("vip");
		assertThat(list.get("segments").get(0).get("name").asText()).isEqualTo("Pro customers in the Benelux");

		HttpResponse<String> replaced = define("vip", "Pro customers who order again", REPEAT_PRO);
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		assertThat(members("vip")).containsExactly("sg-ann", "sg-cem");
		order("sg-bob", null);
		assertThat(members("vip")).containsExactly("sg-ann", "sg-bob", "sg-cem");
		JsonNode detail = body(api.get("/api/segments/vip"));
		assertThat(detail.get("name").asText()).isEqualTo("Pro customers who order again");
		assertThat(detail.get("count").asLong()).isEqualTo(3);
		assertThat(detail.get("createdAt").asText()).isEqualTo(body(created).get("createdAt").asText());

		assertThat(api.send(api.request("/api/segments/vip").DELETE()).statusCode()).isEqualTo(204);
		for (String path : List.of("/api/segments/vip", "/api/segments/vip/count", "/api/segments/vip/contacts")) {
			HttpResponse<String> gone = api.get(path);
			assertThat(gone.statusCode()).as(path).isEqualTo(404);
			assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(body(gone).get("detail").asText()).isEqualTo("No segment with key 'vip'");
		}
		assertThat(api.send(api.request("/api/segments/vip").DELETE()).statusCode()).isEqualTo(404);
	}

	@Test
	void badDefinitionsAreProblemsThatNameTheFieldAndStoreNothing() throws Exception {
		String rule = "{\"event\": \"OrderPlaced\"}";
		String[][] cases = { { "{\"key\": \"Bad Key\", \"name\": \"Bad\", \"rule\": " + rule + "}", "key" },
				{ "{\"name\": \"Bad\", \"rule\": " + rule + "}", "key" },
				{ "{\"key\": 42, \"name\": \"Bad\", \"rule\": " + rule + "}", "key" },
				{ "{\"key\": \"bad-1\", \"rule\": " + rule + "}", "name" },
				{ "{\"key\": \"bad-2\", \"name\": \"Bad\\nname\", \"rule\": " + rule + "}", "name" },
				{ "{\"key\": \"bad-3\", \"name\": \"Bad\"}", "rule is required" },
				{ "{\"key\": \"bad-4\", \"name\": \"Bad\", \"rule\": {\"attribute\": \"plan\", \"op\": \"equals\","
						+ " \"value\": \"pro\"}}", "rule.op unknown operator 'equals'; use one of eq, ne" },
				{ "{\"key\": \"bad-5\", \"name\": \"Bad\", \"rule\": {\"all\": [" + rule
						+ ", {\"attribute\": \"plan\", \"op\": \"eq\"}]}}", "rule.all.1.value is required for eq" },
				{ "{\"key\": \"bad-6\", \"name\": \"Bad\", \"rule\": {\"field\": \"locale\", \"op\": \"startsWith\","
						+ " \"value\": 5}}", "rule.value must be a non-empty string" },
				{ "{\"key\": \"bad-7\", \"name\": \"Bad\", \"rule\": {\"field\": \"plan\", \"op\": \"eq\","
						+ " \"value\": \"pro\"}}", "rule.field unknown field 'plan'" },
				{ "{\"key\": \"bad-8\", \"name\": \"Bad\", \"rule\": {\"event\": 5}}", "rule.event must be a string" },
				{ "{\"key\": \"bad-9\", \"name\": \"Bad\", \"rule\": " + "{\"not\": ".repeat(8) + rule + "}".repeat(8)
						+ "}", "rule.not.not.not.not.not.not.not.not nests too deep" },
				{ "{\"key\": \"bad-10\", \"name\": \"Bad\", \"rule\": " + rule + ", \"surprise\": 1}", "surprise" },
				{ "{\"key\": \"bad-11\", \"name\": \"Bad\", \"rule\": " + rule, "not valid JSON" } };
		for (String[] bad : cases) {
			HttpResponse<String> response = api.postJson("/api/segments", bad[0]);
			assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(body(response).get("detail").asText()).as(bad[0]).contains(bad[1]);
		}
		HttpResponse<String> pointed = api.postJson("/api/segments", cases[7][0]);
		assertThat(body(pointed).get("errors").get(0).get("pointer").asText()).isEqualTo("#/rule/all/1/value");
		assertThat(jdbc.queryForObject(
				"SELECT count(*) FROM segments WHERE segment_key LIKE 'bad%' OR name LIKE 'Bad%'", Integer.class))
			.isZero();

		assertThat(define("paged", "Paged", rule).statusCode()).isEqualTo(201);
		HttpResponse<String> tooBig = api.get("/api/segments/paged/contacts?size=501");
		assertThat(tooBig.statusCode()).isEqualTo(400);
		assertThat(body(tooBig).get("detail").asText()).isEqualTo("size must be between 1 and 500");
		assertThat(api.send(api.request("/api/segments/paged").DELETE()).statusCode()).isEqualTo(204);
	}

	@Test
	void segmentsNeedALogin() {
		HttpResponse<String> response = ApiClient.anonymous(port).get("/api/segments");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> define(String key, String name, String rule) {
		return api.postJson("/api/segments",
				"{\"key\": \"" + key + "\", \"name\": \"" + name + "\", \"rule\": " + rule + "}");
	}

	private List<String> members(String key) throws Exception {
		HttpResponse<String> response = api.get("/api/segments/" + key + "/contacts");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode page = body(response);
		assertThat(page.get("total").asLong()).isEqualTo(page.get("contacts").size());
		return page.get("contacts").findValuesAsText("id");
	}

	private void order(String contactId, String attributes) {
		String contact = "{\"id\": \"" + contactId + "\", \"email\": \"" + contactId + "@example.com\""
				+ (attributes == null ? "" : ", \"attributes\": " + attributes) + "}";
		HttpResponse<String> response = api.postJson("/api/events",
				"{\"name\": \"OrderPlaced\", \"contact\": " + contact + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private JsonNode body(HttpResponse<String> response) throws Exception {
		return json.readTree(response.body());
	}

}
