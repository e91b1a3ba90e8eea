package io.tidings.experiment;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.experiment.VariantOutcomes.Outcome;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A/B variants on a send step, on PostgreSQL over HTTP (experiment-probe.bpmn): each
 * contact's mail is recorded with its variant's template, subject and name; the API shows
 * the counts, the two-proportion test and, once one variant clearly wins, the auto-winner
 * that every later contact gets. Engagement tracking is not part of this branch, so the
 * successes come from a test {@link VariantOutcomes} over the recorded deliveries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.triggers.enabled=false", "tidings.experiments.evaluation-interval=300ms" })
@DirtiesContext
class ExperimentApiIT extends PostgresApiTest {

	static final String ID = "experimentProbe.SendProbe";

	static final Variants VARIANTS = Variants.ofContent("A:welcome:50,B:tips:50:\"Three tips, just for you\"");

	/** Clicks per variant, as engagement tracking would count them. */
	static final Map<String, Long> clicks = new ConcurrentHashMap<>();

	@Autowired
	Experiments experiments;

	@Test
	void variantsAreRecordedOnDeliveriesComparedAndTheWinnerTakesOver() throws Exception {
		List<String> first = contacts("ab-first-", 20);
		Map<String, Long> perVariant = new HashMap<>();
		first.forEach(contact -> perVariant.merge(VARIANTS.pick(ID, contact).name(), 1L, Long::sum));
		assertThat(perVariant.values()).as("the fixture gives each variant the auto-winner's minimum")
			.allMatch(count -> count >= 5);

		first.forEach(this::start);
		Map<String, Map<String, Object>> mails = deliveries(first);
		for (String contact : first) {
			Map<String, Object> mail = mails.get(contact);
			String variant = VARIANTS.pick(ID, contact).name();
			assertThat(mail.get("variant")).as(contact).isEqualTo(variant);
			assertThat(mail.get("template_key")).isEqualTo(variant.equals("A") ? "welcome" : "tips");
			if (variant.equals("B")) {
				assertThat(mail.get("subject")).isEqualTo("Three tips, just for you");
			}
			else {
				assertThat(mail.get("subject").toString()).isNotEqualTo("Three tips, just for you").isNotBlank();
			}
		}

		JsonNode undecided = body(api.get("/api/experiments/" + ID), 200);
		assertThat(undecided.get("kind").asText()).isEqualTo("CONTENT");
		assertThat(undecided.get("metric").asText()).isEqualTo("CLICK");
		assertThat(undecided.get("autoWinnerAfter").asInt()).isEqualTo(5);
		assertThat(undecided.get("confidence").asDouble()).isEqualTo(0.95);
		assertThat(undecided.has("decision")).isFalse();
		JsonNode b = undecided.get("results").get(1);
		assertThat(b.get("name").asText()).isEqualTo("B");
		assertThat(b.get("assigned").asLong()).isEqualTo(perVariant.get("B"));
		assertThat(b.get("sample").asLong()).isEqualTo(perVariant.get("B"));
		assertThat(b.get("successes").asLong()).isZero();
		assertThat(b.get("pValue").asDouble()).isEqualTo(1.0);
		assertThat(b.get("significant").asBoolean()).isFalse();
		assertThat(undecided.get("results").get(0).has("zScore")).as("the control has no test").isFalse();

		clicks.put("A", 0L);
		clicks.put("B", perVariant.get("B"));
		JsonNode decided = Eventually.within(Duration.ofSeconds(10), () -> body(api.get("/api/experiments/" + ID), 200),
				report -> report.has("decision"));
		JsonNode decision = decided.get("decision");
		assertThat(decision.get("winner").asText()).isEqualTo("B");
		long a = perVariant.get("A");
		long bs = perVariant.get("B");
		double pooled = (double) bs / (a + bs);
		double z = 1.0 / Math.sqrt(pooled * (1 - pooled) * (1.0 / a + 1.0 / bs));
		assertThat(decision.get("zScore").asDouble()).isCloseTo(z, within(1e-9));
		assertThat(decision.get("pValue").asDouble()).isLessThan(0.05);
		assertThat(decision.get("figures").findValuesAsText("variant")).containsExactly("A", "B");
		assertThat(decision.get("figures").get(1).get("rate").asDouble()).isEqualTo(1.0);
		assertThat(decision.get("decidedAt").asText()).isNotBlank();
		assertThat(decided.get("results").get(1).get("significant").asBoolean()).isTrue();
		assertThat(decided.get("results").get(1).get("zScore").asDouble()).isCloseTo(z, within(1e-9));

		List<String> later = contacts("ab-later-", 8);
		later.forEach(this::start);
		assertThat(deliveries(later).values()).extracting(mail -> mail.get("variant")).containsOnly("B");
		start(first.get(0));
		assertThat(jdbc.queryForObject("SELECT variant FROM experiment_assignments WHERE contact_id = ?", String.class,
				first.get(0)))
			.as("an earlier contact keeps its variant")
			.isEqualTo(VARIANTS.pick(ID, first.get(0)).name());

		JsonNode list = body(api.get("/api/experiments"), 200).get("experiments");
		JsonNode listed = null;
		for (JsonNode experiment : list) {
			listed = experiment.get("id").asText().equals(ID) ? experiment : listed;
		}
		assertThat(listed.get("variants").asText()).isEqualTo(VARIANTS.toString());
		assertThat(listed.get("results").get(1).get("assigned").asLong()).isEqualTo(perVariant.get("B") + 8);
		assertThat(listed.get("decision").get("winner").asText()).isEqualTo("B");
	}

	@Test
	void badRequestsGetProblemsAndChangeNothing() throws Exception {
		experiments.assign(
				Experiment.declared("apiProbe", "Split", Experiment.Kind.PATH, "timing", "early:1,late:1", null, null),
				"ab-api");
		int experimentsBefore = count("experiments");
		int assignmentsBefore = count("experiment_assignments");

		HttpResponse<String> unknown = api.get("/api/experiments/noJourney.NoStep");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(unknown.body()).get("title").asText()).isEqualTo("Unknown experiment");
		HttpResponse<String> badMetric = api.get("/api/experiments/apiProbe.Split?metric=bounces");
		assertThat(badMetric.statusCode()).isEqualTo(400);
		assertThat(badMetric.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(badMetric.body()).get("errors").get(0).get("field").asText()).isEqualTo("metric");
		assertThat(ApiClient.anonymous(port).get("/api/experiments").statusCode()).isEqualTo(401);
		assertThat(ApiClient.anonymous(port).get("/api/experiments/apiProbe.Split").statusCode()).isEqualTo(401);

		JsonNode onOpens = body(api.get("/api/experiments/apiProbe.Split?metric=open"), 200);
		assertThat(onOpens.get("metric").asText()).isEqualTo("OPEN");
		assertThat(onOpens.get("kind").asText()).isEqualTo("PATH");
		assertThat(count("experiments")).isEqualTo(experimentsBefore);
		assertThat(count("experiment_assignments")).isEqualTo(assignmentsBefore);
	}

	private int count(String table) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	private void start(String contact) {
		HttpResponse<String> response = api.postJson("/api/events", """
				{"name": "ExperimentProbeStarted", "contact": {"id": "%s", "email": "%s@example.com"}}"""
			.formatted(contact, contact));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	/** Waits for each contact's mail of the probe, and returns them by contact. */
	private Map<String, Map<String, Object>> deliveries(List<String> contacts) {
		return Eventually.within(Duration.ofSeconds(20), () -> {
			Map<String, Map<String, Object>> byContact = new LinkedHashMap<>();
			for (String contact : contacts) {
				jdbc.queryForList("SELECT * FROM deliveries WHERE contact_id = ? AND journey_key = 'experimentProbe'",
						contact)
					.forEach(row -> byContact.put(contact, row));
			}
			return byContact;
		}, found -> found.size() == contacts.size());
	}

	private JsonNode body(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		try {
			return json.readTree(response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> contacts(String prefix, int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
	}

	@TestConfiguration
	static class Outcomes {

		/**
		 * Mails per variant from the deliveries table, clicks from {@link #clicks}: the
		 * figures this test needs, in place of the engagement tables' (tested on their
		 * own in EngagementVariantOutcomesOnPostgresIT).
		 */
		@Bean
		@Primary
		VariantOutcomes testOutcomes(JdbcTemplate jdbc) {
			return (experiment, metric) -> {
				Map<String, Outcome> outcomes = new LinkedHashMap<>();
				jdbc.query("""
						SELECT variant, COUNT(*) AS mails FROM deliveries
						WHERE journey_key = ? AND step_id = ? AND variant IS NOT NULL GROUP BY variant""", rs -> {
					long mails = rs.getLong("mails");
					outcomes.put(rs.getString("variant"),
							new Outcome(mails, Math.min(mails, clicks.getOrDefault(rs.getString("variant"), 0L))));
				}, experiment.journeyKey(), experiment.stepId());
				return outcomes;
			};
		}

	}

}
