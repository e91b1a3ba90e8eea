package io.tidings.analytics;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/journeys/{key}/stats} on PostgreSQL over stored mails, opens, clicks,
 * conversions and unsubscribes laid down as the delivery and tracking modules store them:
 * each count and rate per step and A/B variant, machine engagement left out, the period
 * and version filters, and bad requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
class JourneyStatsIT extends PostgresApiTest {

	private final Instant now = Instant.now();

	private JourneyMails mails;

	@BeforeEach
	void mails() {
		mails = new JourneyMails(jdbc, "welcome");
		mails.clear();
		Instant hourAgo = now.minus(Duration.ofHours(1));
		mails.mail("d1", "c1", "SendWelcomeEmail", null, "SENT", 1, hourAgo);
		mails.opened("d1", 2, 1);
		mails.clicked("d1", "c1", "SendWelcomeEmail", false, now);
		mails.converted("d1", "c1", "SendWelcomeEmail", "30.00", now);
		mails.mail("d2", "c2", "SendWelcomeEmail", null, "SENT", 1, hourAgo);
		mails.opened("d2", 1, 0);
		mails.clicked("d2", "c2", "SendWelcomeEmail", true, now);
		mails.mail("d3", "c3", "SendWelcomeEmail", null, "BOUNCED", 1, hourAgo);
		mails.mail("d4", "c4", "SendWelcomeEmail", null, "SKIPPED", 1, hourAgo);
		mails.mail("d5", "c5", "SendWelcomeEmail", null, "DEFERRED", 1, hourAgo);
		mails.mail("d6", "c6", "SendWelcomeEmail", null, "SENT", 1, hourAgo);
		mails.opened("d6", 1, 1);
		mails.unsubscribed("c6", hourAgo.plus(Duration.ofDays(1)));
		mails.unsubscribed("c2", hourAgo.plus(Duration.ofDays(4)));
		mails.mail("d7", "c7", "SendWelcomeEmail", null, "SENT", 2, now.minus(Duration.ofDays(2)));
		mails.mail("e1", "c1", "SendTipsEmail", "A", "SENT", 1, hourAgo);
		mails.clicked("e1", "c1", "SendTipsEmail", false, now);
		mails.mail("e2", "c2", "SendTipsEmail", "B", "SENT", 1, hourAgo);
		mails.mail("e3", "c3", "SendTipsEmail", "B", "SENT", 1, hourAgo);
		mails.opened("e3", 1, 1);
	}

	@Test
	void countsAndRatesPerStepAndVariant() throws Exception {
		JsonNode report = stats("");

		JsonNode welcome = step(report, "SendWelcomeEmail");
		assertThat(welcome.get("name").asText()).isEqualTo("Send welcome email");
		JsonNode counts = welcome.get("counts");
		assertThat(counts.get("queued").asLong()).isEqualTo(7);
		assertThat(counts.get("sent").asLong()).isEqualTo(5);
		assertThat(counts.get("delivered").asLong()).isEqualTo(4);
		assertThat(counts.get("deferred").asLong()).isEqualTo(1);
		assertThat(counts.get("bounced").asLong()).isEqualTo(1);
		assertThat(counts.get("skipped").asLong()).isEqualTo(1);
		assertThat(counts.get("opened").asLong()).as("machine opens left out").isEqualTo(2);
		assertThat(counts.get("clicked").asLong()).as("machine clicks left out").isEqualTo(1);
		assertThat(counts.get("uniqueClickers").asLong()).isEqualTo(1);
		assertThat(counts.get("converted").asLong()).isEqualTo(1);
		assertThat(counts.get("revenue").decimalValue()).isEqualByComparingTo("30.00");
		assertThat(counts.get("unsubscribed").asLong()).as("only within three days after the mail").isEqualTo(1);
		JsonNode rates = welcome.get("rates");
		assertThat(rates.get("delivery").asDouble()).isCloseTo(0.8, within(1e-9));
		assertThat(rates.get("bounce").asDouble()).isCloseTo(0.2, within(1e-9));
		assertThat(rates.get("open").asDouble()).isCloseTo(0.5, within(1e-9));
		assertThat(rates.get("click").asDouble()).isCloseTo(0.25, within(1e-9));
		assertThat(rates.get("clickToOpen").asDouble()).isCloseTo(0.5, within(1e-9));
		assertThat(rates.get("conversion").asDouble()).isCloseTo(0.25, within(1e-9));
		assertThat(welcome.get("variants")).isEmpty();

		JsonNode tips = step(report, "SendTipsEmail");
		assertThat(tips.get("variants")).hasSize(2);
		assertThat(tips.at("/variants/0/variant").asText()).isEqualTo("A");
		assertThat(tips.at("/variants/0/counts/clicked").asLong()).isEqualTo(1);
		assertThat(tips.at("/variants/1/counts/delivered").asLong()).isEqualTo(2);
		assertThat(tips.at("/variants/1/rates/open").asDouble()).isCloseTo(0.5, within(1e-9));
		assertThat(report.at("/total/queued").asLong()).isEqualTo(10);
		assertThat(report.at("/total/uniqueClickers").asLong()).as("c1 clicked in both steps").isEqualTo(1);
	}

	@Test
	void stepsComeInTheOrderOfTheFlowAndStepsTheDiagramLostLast() throws Exception {
		Instant hourAgo = now.minus(Duration.ofHours(1));
		mails.mail("f1", "c8", "SendCheckInEmail", null, "SENT", 1, hourAgo);
		mails.mail("f2", "c8", "SendStoriesEmail", null, "SENT", 1, hourAgo);
		mails.mail("f3", "c8", "ARemovedStep", null, "SENT", 1, hourAgo);

		JsonNode steps = stats("").get("steps");

		assertThat(steps.findValuesAsText("stepId")).containsExactly("SendWelcomeEmail", "SendTipsEmail",
				"SendStoriesEmail", "SendCheckInEmail", "ARemovedStep");
		assertThat(steps.get(4).hasNonNull("name")).isFalse();
	}

	@Test
	void uniqueClickersOfTheJourneyAreDistinctContacts() throws Exception {
		mails.clicked("e2", "c2", "SendTipsEmail", false, now);
		mails.clicked("e2", "c2", "SendTipsEmail", false, now.plusSeconds(1));

		JsonNode report = stats("");

		assertThat(step(report, "SendWelcomeEmail").at("/counts/uniqueClickers").asLong()).isEqualTo(1);
		assertThat(step(report, "SendTipsEmail").at("/counts/uniqueClickers").asLong()).isEqualTo(2);
		assertThat(step(report, "SendTipsEmail").at("/variants/0/counts/uniqueClickers").asLong()).isEqualTo(1);
		assertThat(report.at("/total/clicked").asLong()).isEqualTo(3);
		assertThat(report.at("/total/uniqueClickers").asLong()).as("c1 clicked in two steps: one clicker").isEqualTo(2);
		assertThat(stats("?version=2").at("/total/uniqueClickers").asLong()).isZero();
		assertThat(stats("?to=" + now.minus(Duration.ofDays(1))).at("/total/uniqueClickers").asLong()).isZero();
	}

	@Test
	void mailsWithdrawnOnAnUnsubscribeCountAsSkipped() throws Exception {
		mails.mail("d8", "c8", "SendWelcomeEmail", null, "CANCELLED", 1, now.minus(Duration.ofHours(1)));

		JsonNode counts = step(stats(""), "SendWelcomeEmail").get("counts");

		assertThat(counts.get("queued").asLong()).isEqualTo(8);
		assertThat(counts.get("skipped").asLong()).isEqualTo(2);
	}

	@Test
	void thePeriodAndTheVersionNarrowTheMails() throws Exception {
		assertThat(step(stats("?version=1"), "SendWelcomeEmail").at("/counts/queued").asLong()).isEqualTo(6);
		assertThat(step(stats("?version=2"), "SendWelcomeEmail").at("/counts/queued").asLong()).isEqualTo(1);
		assertThat(
				step(stats("?from=" + now.minus(Duration.ofDays(1))), "SendWelcomeEmail").at("/counts/queued").asLong())
			.isEqualTo(6);
		assertThat(stats("?to=" + now.minus(Duration.ofDays(3)).toString().substring(0, 10)).get("steps")).isEmpty();
	}

	@Test
	void badRequestsGetAProblem() throws Exception {
		assertProblem(api.get("/api/journeys/no-such-journey/stats"), 404, "no-such-journey");
		assertProblem(api.get("/api/journeys/welcome/stats?from=yesterday"), 400, "from");
		assertProblem(api.get("/api/journeys/welcome/stats?version=0"), 400, "version");
		assertProblem(api.get("/api/journeys/welcome/stats?version=two"), 400, "version");
		assertProblem(api.get("/api/journeys/welcome/stats?from=2026-11-02&to=2026-11-01"), 400, "to");
		assertThat(ApiClient.anonymous(port).get("/api/journeys/welcome/stats").statusCode()).isEqualTo(401);
	}

	private JsonNode stats(String query) throws Exception {
		HttpResponse<String> response = api.get("/api/journeys/welcome/stats" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static JsonNode step(JsonNode report, String stepId) {
		for (JsonNode step : report.get("steps")) {
			if (step.get("stepId").asText().equals(stepId)) {
				return step;
			}
		}
		throw new AssertionError("no step " + stepId + " in " + report);
	}

	private void assertProblem(HttpResponse<String> response, int status, String mentioned) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).get("detail").asText()).contains(mentioned);
	}

}
