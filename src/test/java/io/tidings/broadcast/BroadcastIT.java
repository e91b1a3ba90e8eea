package io.tidings.broadcast;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import io.tidings.support.Eventually;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
 * Broadcasts on PostgreSQL over HTTP: a journey started for every member of a segment at
 * the requested rate, members skipped with their reason, progress counted exactly, and a
 * broadcast left by a dead node resumed without starting anyone twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.broadcasts.poll-interval=200ms", "tidings.broadcasts.chunk-size=4",
				"tidings.triggers.enabled=false" })
@DirtiesContext
class BroadcastIT extends PostgresApiTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Test
	void everyMemberIsStartedOnceAtTheRateOrSkippedWithItsReason() throws Exception {
		for (int i = 1; i <= 12; i++) {
			String tier = i <= 10 ? "gold" : "silver";
			putContact("bc-%02d".formatted(i), tier);
		}
		jdbc.update("UPDATE contacts SET address_status = 'INVALID' WHERE id = 'bc-03'");
		assertThat(api.postJson("/api/suppressions", "{\"email\": \"bc-04@example.com\", \"reason\": \"complaint\"}")
			.statusCode()).isEqualTo(201);
		runtime.createMessageCorrelation("BroadcastStarted.probe")
			.processInstanceBusinessKey("bc-05")
			.correlateStartMessage();
		createSegment("gold", "gold");

		HttpResponse<String> created = api.postJson("/api/broadcasts",
				"{\"journey\": \"broadcastProbe\", \"segment\": \"gold\", \"perSecond\": 5}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json.readTree(created.body()).get("id").asText();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/broadcasts/" + id);

		JsonNode done = Eventually.within(Duration.ofSeconds(20), () -> progress(id),
				node -> "DONE".equals(node.get("status").asText()));
		assertThat(done.get("total").asLong()).isEqualTo(10);
		assertThat(done.get("started").asLong()).isEqualTo(7);
		assertThat(done.get("skipped").asLong()).isEqualTo(3);
		assertThat(done.get("skippedBecause").get("address invalid").asLong()).isEqualTo(1);
		assertThat(done.get("skippedBecause").get("suppressed: complaint").asLong()).isEqualTo(1);
		assertThat(done.get("skippedBecause").get("already in broadcastProbe").asLong()).isEqualTo(1);
		for (int i = 1; i <= 12; i++) {
			long instances = runtime.createProcessInstanceQuery()
				.processDefinitionKey("broadcastProbe")
				.processInstanceBusinessKey("bc-%02d".formatted(i))
				.count();
			assertThat(instances).as("bc-%02d", i).isEqualTo(i == 3 || i == 4 || i > 10 ? 0 : 1);
		}

		// Seven starts at five a second: the last one at least 1.2 s after the first.
		List<Instant> starts = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("broadcastProbe")
			.variableValueEquals("broadcastId", id)
			.list()
			.stream()
			.map(HistoricProcessInstance::getStartTime)
			.map(java.util.Date::toInstant)
			.sorted(Comparator.naturalOrder())
			.toList();
		assertThat(starts).hasSize(7);
		assertThat(Duration.between(starts.get(0), starts.get(6))).isGreaterThanOrEqualTo(Duration.ofMillis(1100));
	}

	@Test
	void aBroadcastADeadNodeLeftIsResumedWithoutStartingAnyoneTwice() throws Exception {
		for (int i = 1; i <= 6; i++) {
			putContact("rs-%02d".formatted(i), "resume");
		}
		createSegment("resume", "resume");
		// A node claimed it, recorded rs-01 and rs-02 (and started them), then died.
		jdbc.update("""
				INSERT INTO broadcasts (id, journey_key, segment_key, per_second, status, total, cursor_id, claimed_by,
				                        lease_until, created_at)
				VALUES ('b-dead', 'broadcastProbe', 'resume', 1000, 'RUNNING', 6, NULL, 'dead-node', ?, ?)""",
				Timestamp.from(Instant.now().minusSeconds(1)), Timestamp.from(Instant.now().minusSeconds(60)));
		for (String id : new String[] { "rs-01", "rs-02" }) {
			jdbc.update("INSERT INTO broadcast_recipients VALUES ('b-dead', ?, 'STARTED', NULL)", id);
			runtime.createMessageCorrelation("BroadcastStarted.probe")
				.processInstanceBusinessKey(id)
				.setVariable("broadcastId", "b-dead")
				.correlateStartMessage();
		}

		JsonNode done = Eventually.within(Duration.ofSeconds(20), () -> progress("b-dead"),
				node -> "DONE".equals(node.get("status").asText()));

		assertThat(done.get("started").asLong()).isEqualTo(6);
		assertThat(done.get("skipped").asLong()).isZero();
		// At 1,000 a second a chunk's members share one transaction (rows written by one
		// share xmin): rs-03 and rs-04 in the first chunk of four, rs-05 and rs-06 in the
		// second, instead of one transaction each.
		assertThat(jdbc.queryForObject("""
				SELECT count(DISTINCT xmin::text) FROM broadcast_recipients
				WHERE broadcast_id = 'b-dead' AND contact_id NOT IN ('rs-01', 'rs-02')""", Integer.class)).isEqualTo(2);
		for (int i = 1; i <= 6; i++) {
			assertThat(runtime.createProcessInstanceQuery()
				.processDefinitionKey("broadcastProbe")
				.processInstanceBusinessKey("rs-%02d".formatted(i))
				.count()).isOne();
		}
	}

	@Test
	void badRequestsAreProblemsAndCreateNothing() throws Exception {
		createSegment("bad-input", "nobody");
		long before = jdbc.queryForObject("SELECT count(*) FROM broadcasts", Long.class);
		String[][] cases = { { "{\"journey\": \"nope\", \"segment\": \"bad-input\"}", "journey" },
				{ "{\"journey\": \"welcome\", \"segment\": \"bad-input\"}", "BroadcastStarted" },
				{ "{\"journey\": \"broadcastProbe\", \"segment\": \"nope\"}", "segment" },
				{ "{\"journey\": \"broadcastProbe\", \"segment\": \"bad-input\", \"perSecond\": 0}", "perSecond" },
				{ "{\"journey\": \"broadcastProbe\", \"segment\": \"bad-input\", \"perSecond\": 20000}", "perSecond" },
				{ "{\"segment\": \"bad-input\"}", "journey" },
				{ "{\"journey\": \"broadcastProbe\", \"segment\": \"bad-input\", \"perSecond\": \"fast\"}",
						"perSecond" },
				{ "{\"journey\": \"broadcastProbe\", \"segment\": \"bad-input\", \"extra\": 1}", "extra" },
				{ "{\"journey\": ", "not valid JSON" } };
		for (String[] bad : cases) {
			HttpResponse<String> response = api.postJson("/api/broadcasts", bad[0]);
			assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
			assertThat(json.readTree(response.body()).get("detail").asText()).as(bad[0]).contains(bad[1]);
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM broadcasts", Long.class)).isEqualTo(before);
		assertThat(api.get("/api/broadcasts/no-such").statusCode()).isEqualTo(404);
		assertThat(ApiClient.anonymous(port).get("/api/broadcasts").statusCode()).isEqualTo(401);
	}

	private void putContact(String id, String tier) {
		HttpResponse<String> response = api.send(api.request("/api/contacts/" + id)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofString("{\"email\": \"" + id + "@example.com\", \"attributes\": {\"tier\": \"" + tier + "\"}}")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private void createSegment(String key, String tier) {
		HttpResponse<String> response = api.postJson("/api/segments", """
				{"key": "%s", "name": "%s", "rule": {"attribute": "tier", "op": "eq", "value": "%s"}}""".formatted(key,
				key, tier));
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
	}

	private JsonNode progress(String id) {
		try {
			return json.readTree(api.get("/api/broadcasts/" + id).body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
