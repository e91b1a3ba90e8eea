package io.tidings.analytics;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/journeys/{key}/stats/daily} on PostgreSQL: mails grouped by the UTC day
 * they were queued, although the database session runs in Tokyo time; other journeys'
 * mails, machine engagement and mails outside the period left out; empty days as zeros;
 * the default period; bad requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"spring.datasource.hikari.connection-init-sql=SET TIME ZONE 'Asia/Tokyo'" })
class DailyJourneyStatsIT extends PostgresApiTest {

	private final Instant now = Instant.now();

	@BeforeEach
	void mails() {
		JourneyMails welcome = new JourneyMails(jdbc, "welcome");
		welcome.clear();
		Instant lateOnTheFirst = Instant.parse("2026-10-01T23:30:00Z");
		welcome.mail("a1", "c1", "SendWelcomeEmail", null, "SENT", 1, lateOnTheFirst);
		welcome.opened("a1", 1, 1);
		welcome.clicked("a1", "c1", "SendWelcomeEmail", false, lateOnTheFirst.plusSeconds(600));
		welcome.converted("a1", "c1", "SendWelcomeEmail", "12.50", lateOnTheFirst.plusSeconds(900));
		welcome.mail("a2", "c2", "SendWelcomeEmail", null, "BOUNCED", 1, Instant.parse("2026-10-01T10:00:00Z"));
		welcome.mail("a3", "c3", "SendTipsEmail", "A", "SENT", 1, Instant.parse("2026-10-01T00:00:00Z"));
		welcome.opened("a3", 1, 0);
		welcome.clicked("a3", "c3", "SendTipsEmail", true, Instant.parse("2026-10-01T00:00:06Z"));
		welcome.mail("b1", "c1", "SendTipsEmail", "B", "SENT", 1, Instant.parse("2026-10-02T00:30:00Z"));
		welcome.opened("b1", 2, 2);
		welcome.mail("b2", "c2", "SendTipsEmail", "A", "DEFERRED", 1, Instant.parse("2026-10-02T08:00:00Z"));
		welcome.mail("x1", "c4", "SendWelcomeEmail", null, "SENT", 1, Instant.parse("2026-09-30T23:59:59Z"));
		welcome.mail("x2", "c5", "SendWelcomeEmail", null, "SENT", 1, Instant.parse("2026-10-04T00:00:00Z"));
		welcome.mail("now", "c6", "SendWelcomeEmail", null, "SENT", 1, now);
		JourneyMails other = new JourneyMails(jdbc, "re-engagement");
		other.mail("o1", "c1", "SendWinBackEmail", null, "SENT", 1, Instant.parse("2026-10-02T12:00:00Z"));
	}

	@Test
	void eachUtcDayWithItsCountsAndRates() throws Exception {
		JsonNode days = daily("?from=2026-10-01&to=2026-10-04").get("days");

		assertThat(days).hasSize(3);
		JsonNode first = days.get(0);
		assertThat(first.get("day").asText()).isEqualTo("2026-10-01");
		assertThat(first.get("sent").asLong()).isEqualTo(3);
		assertThat(first.get("delivered").asLong()).isEqualTo(2);
		assertThat(first.get("opened").asLong()).as("machine opens left out").isEqualTo(1);
		assertThat(first.get("clicked").asLong()).as("machine clicks left out").isEqualTo(1);
		assertThat(first.get("converted").asLong()).isEqualTo(1);
		assertThat(first.at("/rates/delivery").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(first.at("/rates/open").asDouble()).isCloseTo(0.5, within(1e-9));
		assertThat(first.at("/rates/click").asDouble()).isCloseTo(0.5, within(1e-9));
		assertThat(first.at("/rates/conversion").asDouble()).isCloseTo(0.5, within(1e-9));

		JsonNode second = days.get(1);
		assertThat(second.get("day").asText()).isEqualTo("2026-10-02");
		assertThat(second.get("sent").asLong()).as("the deferred mail and the other journey's left out").isEqualTo(1);
		assertThat(second.at("/rates/open").asDouble()).isCloseTo(1.0, within(1e-9));
		assertThat(second.at("/rates/click").asDouble()).isZero();

		JsonNode empty = days.get(2);
		assertThat(empty.get("day").asText()).isEqualTo("2026-10-03");
		assertThat(empty.get("sent").asLong()).isZero();
		assertThat(empty.get("rates").has("open")).as("no base, no rate").isFalse();
	}

	@Test
	void withoutAPeriodTheLastThirtyDaysUpToToday() throws Exception {
		JsonNode series = daily("");

		JsonNode days = series.get("days");
		assertThat(days).hasSize(30);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		assertThat(days.get(29).get("day").asText()).isEqualTo(today.toString());
		assertThat(days.get(29).get("sent").asLong()).isEqualTo(1);
		assertThat(series.get("to").asText()).isEqualTo(today.plusDays(1).toString());
	}

	@Test
	void badRequestsGetAProblem() throws Exception {
		assertProblem(api.get("/api/journeys/no-such-journey/stats/daily"), 404, "no-such-journey");
		assertProblem(api.get("/api/journeys/welcome/stats/daily?from=yesterday"), 400, "from");
		assertProblem(api.get("/api/journeys/welcome/stats/daily?from=2026-10-02T00:00:00Z"), 400, "from");
		assertProblem(api.get("/api/journeys/welcome/stats/daily?from=2026-10-02&to=2026-10-02"), 400, "to");
		assertProblem(api.get("/api/journeys/welcome/stats/daily?from=2025-01-01&to=2026-10-01"), 400, "366 days");
		assertThat(ApiClient.anonymous(port).get("/api/journeys/welcome/stats/daily").statusCode()).isEqualTo(401);
	}

	private JsonNode daily(String query) throws Exception {
		HttpResponse<String> response = api.get("/api/journeys/welcome/stats/daily" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private void assertProblem(HttpResponse<String> response, int status, String mentioned) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).get("detail").asText()).contains(mentioned);
	}

}
