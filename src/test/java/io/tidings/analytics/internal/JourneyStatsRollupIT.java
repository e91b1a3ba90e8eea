package io.tidings.analytics.internal;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.analytics.DailyJourneyStats.Day;
import io.tidings.analytics.JourneyMails;
import io.tidings.analytics.JourneyStats.Counts;
import io.tidings.analytics.internal.StepFigures.Key;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics rollup on PostgreSQL against the raw queries it stands in for: random
 * mails, opens, clicks, conversions and unsubscribes over several days, answered over
 * HTTP through the rollup and compared with the raw tables' figures, for whole and
 * partial days and versions; then late events for old days, before and after the next
 * run. The schedule is off (an hour); the tests run the rollup themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0", "tidings.analytics.rollup.interval=1h" })
class JourneyStatsRollupIT extends PostgresApiTest {

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.findAndRegisterModules();

	/** Midnight UTC six days ago: the mails fill the five days from it on. */
	private final Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(6));

	@Autowired
	private JourneyStatsRollup rollup;

	@Autowired
	private JdbcJourneyStats stats;

	@Autowired
	private JdbcDailyJourneyStats daily;

	private RandomJourneyMails random;

	@BeforeEach
	void mails() {
		JourneyMails mails = new JourneyMails(jdbc, "welcome");
		mails.clear();
		for (String table : new String[] { "journey_step_daily", "journey_step_clickers", "journey_stats_changes" }) {
			jdbc.update("DELETE FROM " + table);
		}
		random = new RandomJourneyMails(mails, 20261124L);
		random.fill(start, 5, 400);
	}

	@Test
	void theRollupAnswersAsTheRawTablesForWholeAndPartialDaysAndVersions() throws Exception {
		assertThat(rollup.run()).as("journey days rolled up").isEqualTo(5);
		assertThat(pendingChanges()).isZero();
		assertThat(jdbc.queryForObject("SELECT SUM(queued) FROM journey_step_daily", Long.class)).isEqualTo(400);

		assertSameAsRaw(null, null, null);
		assertSameAsRaw(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(4)), null);
		assertSameAsRaw(start.plus(Duration.ofMinutes(1517)), start.plus(Duration.ofMinutes(5000)), null);
		assertSameAsRaw(start.plus(Duration.ofMinutes(1517)), start.plus(Duration.ofMinutes(2000)), null);
		assertSameAsRaw(start.plus(Duration.ofHours(30)), null, 1);
		assertSameAsRaw(null, start.plus(Duration.ofHours(70)), 2);
		assertSameAsRaw(start.minus(Duration.ofDays(3)), start.plus(Duration.ofDays(9)), 2);
		assertDailySameAsRaw();
	}

	@Test
	void lateEventsForOldDaysShowBetweenRunsAndAreRolledUpByTheNextRun() throws Exception {
		rollup.run();
		long clickedBefore = storedClicks();
		for (int i = 0; i < 20; i++) {
			String[] mail = random.anySent();
			random.lateEvent(mail[0], mail[1], mail[2], Instant.now());
		}
		String[] bounced = random.anySent();
		jdbc.update("UPDATE deliveries SET status = 'BOUNCED' WHERE id = ?", bounced[0]);
		new JourneyMails(jdbc, "welcome").unsubscribed(random.anySent()[1], start.plus(Duration.ofHours(50)));
		jdbc.update("DELETE FROM deliveries WHERE id = ?", random.anySent()[0]);
		random.mail(start.plus(Duration.ofMinutes(4321)));

		assertThat(pendingChanges()).as("the old days are marked").isPositive();
		assertSameAsRaw(null, null, null);
		assertSameAsRaw(start.plus(Duration.ofMinutes(1517)), start.plus(Duration.ofMinutes(5000)), 1);
		assertDailySameAsRaw();

		rollup.run();

		assertThat(pendingChanges()).isZero();
		assertThat(storedClicks()).as("the late clicks are in the rollup").isGreaterThan(clickedBefore);
		assertSameAsRaw(null, null, null);
		assertSameAsRaw(start.plus(Duration.ofMinutes(1517)), start.plus(Duration.ofMinutes(5000)), 1);
		assertDailySameAsRaw();
	}

	@Test
	void movesBetweenQueuedDeferredAndSendingMarkNoDayButSendingDoes() throws Exception {
		String mail = random.anySent()[0];
		jdbc.update("UPDATE deliveries SET status = 'QUEUED', sent_at = NULL WHERE id = ?", mail);
		rollup.run();
		assertThat(pendingChanges()).isZero();

		for (String status : new String[] { "SENDING", "DEFERRED", "SENDING", "QUEUED", "SENDING" }) {
			jdbc.update("UPDATE deliveries SET status = ?, claimed_by = 'worker' WHERE id = ?", status, mail);
		}
		assertThat(pendingChanges()).as("still counted as not yet sent").isZero();
		assertSameAsRaw(null, null, null);

		jdbc.update("UPDATE deliveries SET status = 'SENT', sent_at = ? WHERE id = ?", Timestamp.from(Instant.now()),
				mail);
		assertThat(pendingChanges()).as("sent changes the day's figures").isPositive();
		assertSameAsRaw(null, null, null);
		jdbc.update("UPDATE deliveries SET status = 'BOUNCED' WHERE id = ?", mail);
		rollup.run();
		jdbc.update("UPDATE deliveries SET status = 'QUEUED' WHERE id = ?", mail);
		assertThat(pendingChanges()).as("back to the queue changes them too").isPositive();
		assertSameAsRaw(null, null, null);
	}

	@Test
	void daysWithoutChangesAreReadFromTheRollupAndChangedDaysRaw() throws Exception {
		rollup.run();
		LocalDate day = RollupPlan.day(start.plus(Duration.ofDays(2)));
		long opened = stats("").at("/total/opened").asLong();
		int rows = jdbc.update("UPDATE journey_step_daily SET opened = opened + 1000 WHERE mail_day = ?", day);

		assertThat(rows).isPositive();
		assertThat(stats("").at("/total/opened").asLong()).as("read from the rollup").isEqualTo(opened + 1000L * rows);

		jdbc.update("INSERT INTO journey_stats_changes (journey_key, mail_day) VALUES ('welcome', ?)", day);

		assertThat(stats("").at("/total/opened").asLong()).as("a marked day is read raw").isEqualTo(opened);
	}

	@Test
	void withTheRollupOffOneMarkPerDayIsKept() {
		jdbc.update("INSERT INTO journey_stats_changes (journey_key, mail_day) SELECT 'welcome', mail_day"
				+ " FROM journey_stats_changes");
		long days = jdbc.queryForObject("SELECT COUNT(DISTINCT mail_day) FROM journey_stats_changes", Long.class);

		rollup.compactMarks();

		assertThat(days).isEqualTo(5);
		assertThat(pendingChanges()).isEqualTo(days);
	}

	private void assertSameAsRaw(Instant from, Instant to, Integer version) throws Exception {
		StringBuilder query = new StringBuilder("?");
		if (from != null) {
			query.append("from=").append(from).append('&');
		}
		if (to != null) {
			query.append("to=").append(to).append('&');
		}
		if (version != null) {
			query.append("version=").append(version);
		}
		JsonNode answer = stats(query.toString());
		StepFigures raw = stats.raw("welcome", from, to, version);
		String period = from + " - " + to + ", version " + version;
		assertThat(perStepAndVariant(answer)).as(period).isEqualTo(normalized(raw.counts()));
		assertThat(answer.at("/total/uniqueClickers").asLong()).as(period).isEqualTo(raw.uniqueClickers());
		assertThat(raw.counts()).as("something to compare in " + period).isNotEmpty();
	}

	private void assertDailySameAsRaw() throws Exception {
		LocalDate from = RollupPlan.day(start).minusDays(1);
		LocalDate to = from.plusDays(8);
		HttpResponse<String> response = api.get("/api/journeys/welcome/stats/daily?from=" + from + "&to=" + to);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<LocalDate, Day> raw = daily.raw("welcome", from, to);
		for (JsonNode node : JSON.readTree(response.body()).get("days")) {
			Day day = JSON.treeToValue(node, Day.class);
			Day expected = raw.getOrDefault(day.day(), Day.of(day.day(), 0, 0, 0, 0, 0));
			assertThat(day).as(day.day().toString()).isEqualTo(expected);
		}
	}

	/**
	 * The counts of each step without variants and of each variant, as the raw ones are
	 * keyed.
	 */
	private static Map<Key, Counts> perStepAndVariant(JsonNode report) throws Exception {
		Map<Key, Counts> counts = new HashMap<>();
		for (JsonNode step : report.get("steps")) {
			String stepId = step.get("stepId").asText();
			if (step.get("variants").isEmpty()) {
				counts.put(new Key(stepId, null), normalized(JSON.treeToValue(step.get("counts"), Counts.class)));
			}
			for (JsonNode variant : step.get("variants")) {
				counts.put(new Key(stepId, variant.get("variant").asText()),
						normalized(JSON.treeToValue(variant.get("counts"), Counts.class)));
			}
		}
		return counts;
	}

	private static Map<Key, Counts> normalized(Map<Key, Counts> counts) {
		Map<Key, Counts> normalized = new HashMap<>();
		counts.forEach((key, value) -> normalized.put(key, normalized(value)));
		return normalized;
	}

	/** Revenue compared by value: 0 and 0.0000 are the same. */
	private static Counts normalized(Counts c) {
		BigDecimal revenue = c.revenue().stripTrailingZeros();
		return new Counts(c.queued(), c.sent(), c.delivered(), c.deferred(), c.bounced(), c.skipped(), c.failed(),
				c.opened(), c.clicked(), c.uniqueClickers(), c.converted(), revenue, c.unsubscribed());
	}

	private JsonNode stats(String query) throws Exception {
		HttpResponse<String> response = api.get("/api/journeys/welcome/stats" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private long pendingChanges() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM journey_stats_changes", Long.class);
	}

	private long storedClicks() {
		return jdbc.queryForObject("SELECT COALESCE(SUM(clicked), 0) FROM journey_step_daily", Long.class);
	}

}
