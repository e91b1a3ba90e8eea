package io.tidings.contact.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The SQL a rule becomes: fixed text with every value from the rule as a named parameter,
 * and the days and dates of the rule worked out from the moment of asking. Whether that
 * SQL selects the right contacts is {@link SegmentQueriesTests}' business.
 */
class SegmentSqlTest {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	final ObjectMapper json = new ObjectMapper();

	@Test
	void attributesBecomeExistsSubqueriesWithTheirValuesBound() throws Exception {
		SegmentSql.Condition condition = compile("""
				{"all": [{"attribute": "plan", "op": "eq", "value": "pro"},
				         {"attribute": "country", "op": "in", "values": ["NL", "BE"]}]}""");

		assertThat(condition.sql()).isEqualTo("(EXISTS (SELECT 1 FROM contact_attributes a WHERE a.contact_id = c.id"
				+ " AND a.name = :p1 AND a.text_value = :p2) AND EXISTS (SELECT 1 FROM contact_attributes a"
				+ " WHERE a.contact_id = c.id AND a.name = :p3 AND a.text_value IN (:p4)))");
		assertThat(condition.values()).containsOnly(entry("p1", "plan"), entry("p2", "pro"), entry("p3", "country"),
				entry("p4", List.of("NL", "BE")));
	}

	@Test
	void nothingFromTheRuleReachesTheSqlText() throws Exception {
		String hostile = "x') OR 1=1; DROP TABLE contacts; --";
		SegmentSql.Condition condition = compile("{\"any\": [{\"attribute\": \"" + hostile
				+ "\", \"op\": \"contains\", \"value\": \"" + hostile + "\"}, {\"event\": \"Drop.Table:x-1\"}]}");

		assertThat(condition.sql()).doesNotContain("DROP", "1=1", "Drop");
		assertThat(condition.values()).containsValues(hostile, "%x') or 1=1; drop table contacts; --%",
				"Drop.Table:x-1");
	}

	@Test
	void likePatternsMatchPercentAndUnderscoreLiterally() throws Exception {
		SegmentSql.Condition condition = compile(
				"{\"field\": \"email\", \"op\": \"startsWith\", \"value\": \"A_B%c\\\\\"}");

		assertThat(condition.sql()).isEqualTo("(c.email IS NOT NULL AND LOWER(c.email) LIKE :p1 ESCAPE '\\')");
		assertThat(condition.values()).containsOnly(entry("p1", "a\\_b\\%c\\\\%"));
	}

	@Test
	void negationsAreTheComplementIncludingContactsWithoutTheValue() throws Exception {
		assertThat(compile("{\"field\": \"locale\", \"op\": \"ne\", \"value\": \"en\"}").sql())
			.isEqualTo("NOT ((c.locale IS NOT NULL AND c.locale = :p1))");
		assertThat(compile("{\"attribute\": \"plan\", \"op\": \"notExists\"}").sql())
			.isEqualTo("NOT (EXISTS (SELECT 1 FROM contact_attributes a WHERE a.contact_id = c.id AND a.name = :p1))");
	}

	@Test
	void eventCountsLookBackFromNow() throws Exception {
		SegmentSql.Condition atLeast = compile("{\"event\": \"OrderPlaced\", \"atLeast\": 2, \"withinDays\": 30}");
		assertThat(atLeast.sql()).isEqualTo("((SELECT COUNT(*) FROM events e WHERE e.contact_id = c.id"
				+ " AND e.name = :p1 AND e.received_at >= :p2) >= :p3)");
		assertThat(atLeast.values()).containsOnly(entry("p1", "OrderPlaced"),
				entry("p2", Timestamp.from(Instant.parse("2026-05-02T12:00:00Z"))), entry("p3", 2));

		assertThat(compile("{\"event\": \"X\", \"never\": true}").sql())
			.isEqualTo("NOT EXISTS (SELECT 1 FROM events e WHERE e.contact_id = c.id AND e.name = :p1)");
		assertThat(compile("{\"event\": \"X\"}").sql())
			.isEqualTo("EXISTS (SELECT 1 FROM events e WHERE e.contact_id = c.id AND e.name = :p1)");
		assertThat(compile("{\"event\": \"X\", \"atLeast\": 1, \"atMost\": 3}").sql())
			.endsWith(" BETWEEN :p2 AND :p3)");
	}

	@Test
	void noEngagementCountsFromCreationForContactsThatNeverEngaged() throws Exception {
		SegmentSql.Condition condition = compile("{\"noEngagementForDays\": 60}");

		assertThat(condition.sql()).isEqualTo("COALESCE(c.last_engaged_at, c.created_at) < :p1");
		assertThat(condition.values()).containsOnly(entry("p1", Timestamp.from(Instant.parse("2026-04-02T12:00:00Z"))));
	}

	@Test
	void aDateIsAWholeDayInUtcOnPointInTimeFields() throws Exception {
		assertThat(compile("{\"field\": \"createdAt\", \"op\": \"before\", \"value\": \"2026-03-01\"}").values())
			.containsOnly(entry("p1", Timestamp.from(Instant.parse("2026-03-01T00:00:00Z"))));
		SegmentSql.Condition after = compile(
				"{\"field\": \"createdAt\", \"op\": \"after\", \"value\": \"2026-03-01\"}");
		assertThat(after.sql()).contains("c.created_at >= :p1");
		assertThat(after.values()).containsOnly(entry("p1", Timestamp.from(Instant.parse("2026-03-02T00:00:00Z"))));
	}

	@Test
	void daysAgoCountsFromTodayOnDatesAndFromNowOnPointsInTime() throws Exception {
		assertThat(compile("{\"field\": \"signedUpOn\", \"op\": \"after\", \"daysAgo\": 30}").values())
			.containsOnly(entry("p1", Date.valueOf(LocalDate.of(2026, 5, 2))));
		assertThat(compile("{\"field\": \"lastEngagedAt\", \"op\": \"before\", \"daysAgo\": 1}").values())
			.containsOnly(entry("p1", Timestamp.from(Instant.parse("2026-05-31T12:00:00Z"))));
		Map<String, Object> attribute = compile("{\"attribute\": \"renewal\", \"op\": \"before\", \"daysAgo\": 0}")
			.values();
		assertThat(attribute).containsEntry("p2", Date.valueOf(LocalDate.of(2026, 6, 1)));
	}

	private SegmentSql.Condition compile(String rule) throws Exception {
		RuleProblems problems = new RuleProblems();
		SegmentRule parsed = SegmentRuleParser.parse(json.readTree(rule), "rule", problems);
		assertThat(problems.errors()).isEmpty();
		return SegmentSql.compile(parsed, NOW);
	}

}
