package io.tidings.contact.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.contact.Contact;
import io.tidings.contact.Segments;
import io.tidings.contact.UnknownSegment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Segment rules run as SQL on the real schema (the migrations), over contacts, attributes
 * and events seeded with plain SQL: the examples of the issue with their counts, then
 * every operator. Each database runs these through a subclass.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({ JdbcSegments.class, SegmentStore.class, ContactRows.class, JsonAttributes.class,
		SegmentQueriesTests.FixedClock.class })
abstract class SegmentQueriesTests {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	static final Instant LONG_AGO = Instant.parse("2025-01-01T08:00:00Z");

	static final List<String> EVERYONE = List.of("ann", "bob", "cem", "dee", "eve", "fay");

	@Autowired
	Segments segments;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void seed() {
		contact("ann", "ann@shop.example", "Ann", "Smith", "fr-CA", "Europe/Paris", 3, 14, "2024-05-01", LONG_AGO,
				daysAgo(10));
		contact("bob", "bob@mail.example", "Bob", null, "en", null, 12, 1, "2026-05-20", LONG_AGO, daysAgo(90));
		contact("cem", "cem@shop.example", "Cem", "Yilmaz", "FR", "Europe/Istanbul", null, null, null, LONG_AGO, null);
		contact("dee", "dee@shop.example", null, null, null, null, 3, 30, "2026-05-02", daysAgo(30), null);
		contact("eve", "EVE@Shop.Example", "Eve", "O'Brien", "nl", "Europe/Amsterdam", null, null, null, LONG_AGO,
				daysAgo(61));
		contact("fay", "fay@other.example", "Fay", null, "fr", null, null, null, null, LONG_AGO, daysAgo(59));

		attributes("ann", Map.of("plan", "pro", "country", "NL", "seats", 5, "vip", true, "renewal", "2026-07-01"));
		attributes("bob", Map.of("plan", "pro", "country", "BE", "seats", 12, "vip", false, "renewal", "2026-05-01"));
		attributes("cem", Map.of("plan", "pro", "country", "DE", "seats", 1));
		attributes("dee", Map.of("plan", "free", "country", "NL"));
		attributes("eve", Map.of("plan", "Pro", "country", "NL", "x' OR '1'='1", "y"));

		events("ann", "OrderPlaced", 5, 20);
		events("bob", "OrderPlaced", 5, 45);
		events("cem", "OrderPlaced", 1, 2, 3);
		events("eve", "OrderPlaced", 1);
		events("eve", "OrderShipped", 2);
		events("fay", "OrderPlaced", 29, 28);
	}

	static Stream<Arguments> issueExamples() {
		return Stream.of(arguments("""
				{"all": [{"attribute": "plan", "op": "eq", "value": "pro"},
				         {"attribute": "country", "op": "in", "values": ["NL", "BE"]}]}""", List.of("ann", "bob")),
				arguments("{\"event\": \"OrderPlaced\", \"atLeast\": 2, \"withinDays\": 30}",
						List.of("ann", "cem", "fay")),
				arguments("{\"noEngagementForDays\": 60}", List.of("bob", "cem", "eve")),
				arguments("{\"field\": \"locale\", \"op\": \"startsWith\", \"value\": \"fr\"}",
						List.of("ann", "cem", "fay")));
	}

	@ParameterizedTest
	@MethodSource("issueExamples")
	void theIssuesExamplesSelectTheirContactsAndCountThem(String rule, List<String> members) throws Exception {
		assertSelects(rule, members);
	}

	static Stream<Arguments> everyOperator() {
		return Stream.of(arguments("{\"field\": \"email\", \"op\": \"eq\", \"value\": \"ann@shop.example\"}", "ann"),
				arguments("{\"field\": \"email\", \"op\": \"contains\", \"value\": \"@SHOP.\"}", "ann cem dee eve"),
				arguments("{\"field\": \"lastName\", \"op\": \"eq\", \"value\": \"O'Brien\"}", "eve"),
				arguments("{\"field\": \"lastName\", \"op\": \"ne\", \"value\": \"Smith\"}", "bob cem dee eve fay"),
				arguments("{\"field\": \"locale\", \"op\": \"in\", \"values\": [\"en\", \"nl\"]}", "bob eve"),
				arguments("{\"field\": \"locale\", \"op\": \"notIn\", \"values\": [\"en\", \"nl\"]}",
						"ann cem dee fay"),
				arguments("{\"field\": \"timeZone\", \"op\": \"exists\"}", "ann cem eve"),
				arguments("{\"field\": \"timeZone\", \"op\": \"notExists\"}", "bob dee fay"),
				arguments("{\"field\": \"birthdayMonth\", \"op\": \"eq\", \"value\": 3}", "ann dee"),
				arguments("{\"field\": \"birthdayMonth\", \"op\": \"gt\", \"value\": 3}", "bob"),
				arguments("{\"field\": \"birthdayMonth\", \"op\": \"gte\", \"value\": 3}", "ann bob dee"),
				arguments("{\"field\": \"birthdayDay\", \"op\": \"lt\", \"value\": 14}", "bob"),
				arguments("{\"field\": \"birthdayDay\", \"op\": \"lte\", \"value\": 14}", "ann bob"),
				arguments("{\"field\": \"birthdayMonth\", \"op\": \"in\", \"values\": [12, 1]}", "bob"),
				arguments("{\"field\": \"signedUpOn\", \"op\": \"before\", \"value\": \"2026-05-02\"}", "ann"),
				arguments("{\"field\": \"signedUpOn\", \"op\": \"after\", \"value\": \"2026-05-02\"}", "bob"),
				arguments("{\"field\": \"signedUpOn\", \"op\": \"after\", \"daysAgo\": 30}", "bob"),
				arguments("{\"field\": \"createdAt\", \"op\": \"after\", \"value\": \"2026-05-01\"}", "dee"),
				arguments("{\"field\": \"createdAt\", \"op\": \"before\", \"daysAgo\": 100}", "ann bob cem eve fay"),
				arguments("{\"field\": \"lastEngagedAt\", \"op\": \"after\", \"daysAgo\": 60}", "ann fay"),
				arguments("{\"field\": \"lastEngagedAt\", \"op\": \"notExists\"}", "cem dee"),
				arguments("{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"Pro\"}", "eve"),
				arguments("{\"attribute\": \"plan\", \"op\": \"ne\", \"value\": \"pro\"}", "dee eve fay"),
				arguments("{\"attribute\": \"country\", \"op\": \"notIn\", \"values\": [\"NL\"]}", "bob cem fay"),
				arguments("{\"attribute\": \"plan\", \"op\": \"startsWith\", \"value\": \"PR\"}", "ann bob cem eve"),
				arguments("{\"attribute\": \"plan\", \"op\": \"contains\", \"value\": \"re\"}", "dee"),
				arguments("{\"attribute\": \"seats\", \"op\": \"eq\", \"value\": 5}", "ann"),
				arguments("{\"attribute\": \"seats\", \"op\": \"gt\", \"value\": 4.5}", "ann bob"),
				arguments("{\"attribute\": \"seats\", \"op\": \"lte\", \"value\": 5}", "ann cem"),
				arguments("{\"attribute\": \"seats\", \"op\": \"in\", \"values\": [1, 12]}", "bob cem"),
				arguments("{\"attribute\": \"vip\", \"op\": \"eq\", \"value\": true}", "ann"),
				arguments("{\"attribute\": \"vip\", \"op\": \"eq\", \"value\": false}", "bob"),
				arguments("{\"attribute\": \"vip\", \"op\": \"ne\", \"value\": true}", "bob cem dee eve fay"),
				arguments("{\"attribute\": \"renewal\", \"op\": \"before\", \"value\": \"2026-06-01\"}", "bob"),
				arguments("{\"attribute\": \"renewal\", \"op\": \"after\", \"daysAgo\": 0}", "ann"),
				arguments("{\"attribute\": \"renewal\", \"op\": \"eq\", \"value\": \"2026-07-01\"}", "ann"),
				arguments("{\"attribute\": \"seats\", \"op\": \"exists\"}", "ann bob cem"),
				arguments("{\"attribute\": \"plan\", \"op\": \"notExists\"}", "fay"),
				arguments("{\"attribute\": \"x' OR '1'='1\", \"op\": \"eq\", \"value\": \"y\"}", "eve"),
				arguments("{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"pro' OR '1'='1\"}", ""),
				arguments("{\"event\": \"OrderPlaced\"}", "ann bob cem eve fay"),
				arguments("{\"event\": \"OrderPlaced\", \"never\": true}", "dee"),
				arguments("{\"event\": \"OrderPlaced\", \"never\": true, \"withinDays\": 4}", "ann bob dee fay"),
				arguments("{\"event\": \"OrderPlaced\", \"atMost\": 1}", "dee eve"),
				arguments("{\"event\": \"OrderPlaced\", \"atLeast\": 2, \"atMost\": 2}", "ann bob fay"),
				arguments("{\"event\": \"OrderShipped\", \"withinDays\": 7}", "eve"),
				arguments("{\"any\": [{\"attribute\": \"vip\", \"op\": \"eq\", \"value\": true},"
						+ " {\"attribute\": \"country\", \"op\": \"eq\", \"value\": \"BE\"}]}", "ann bob"),
				arguments(
						"{\"not\": {\"all\": [{\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"pro\"},"
								+ " {\"attribute\": \"country\", \"op\": \"in\", \"values\": [\"NL\", \"BE\"]}]}}",
						"cem dee eve fay"),
				arguments("{\"not\": {\"noEngagementForDays\": 60}}", "ann dee fay"),
				arguments("{\"not\": {\"field\": \"lastName\", \"op\": \"exists\"}}", "bob dee fay"),
				arguments("{\"all\": [{\"not\": {\"attribute\": \"plan\", \"op\": \"exists\"}},"
						+ " {\"field\": \"locale\", \"op\": \"startsWith\", \"value\": \"fr\"}]}", "fay"));
	}

	@ParameterizedTest
	@MethodSource("everyOperator")
	void everyOperatorSelectsItsContacts(String rule, String members) throws Exception {
		assertSelects(rule, members.isEmpty() ? List.of() : List.of(members.split(" ")));
	}

	@Test
	void membersComePagedAndBatchedInIdOrder() throws Exception {
		segments.save("orders", "Ordered once or more", json.readTree("{\"event\": \"OrderPlaced\"}"));

		assertThat(segments.members("orders", 0, 2)).extracting(Contact::id).containsExactly("ann", "bob");
		assertThat(segments.members("orders", 2, 2)).extracting(Contact::id).containsExactly("fay");
		assertThat(segments.members("orders", 3, 2)).isEmpty();
		Contact eve = segments.members("orders", 1, 2).get(1);
		assertThat(eve.lastName()).isEqualTo("O'Brien");
		assertThat(eve.attributes()).isEmpty();

		List<List<String>> batches = new ArrayList<>();
		segments.forEachMember("orders", 2, batches::add);
		assertThat(batches).containsExactly(List.of("ann", "bob"), List.of("cem", "eve"), List.of("fay"));
	}

	@Test
	void anUnknownKeyIsAnErrorNotAnEmptySegment() {
		assertThatThrownBy(() -> segments.contains("ann", "nope")).isInstanceOf(UnknownSegment.class)
			.hasMessageContaining("'nope'");
		assertThatThrownBy(() -> segments.count("nope")).isInstanceOf(UnknownSegment.class);
	}

	private void assertSelects(String rule, List<String> members) throws Exception {
		Segments.Saved saved = segments.save("probe", "Probe", json.readTree(rule));

		assertThat(saved.created()).isTrue();
		assertThat(segments.members("probe", 0, 500)).extracting(Contact::id).containsExactlyElementsOf(members);
		assertThat(segments.count("probe")).isEqualTo(members.size());
		for (String id : EVERYONE) {
			assertThat(segments.contains(id, "probe")).as("contains(%s)", id).isEqualTo(members.contains(id));
		}
	}

	private void contact(String id, String email, String firstName, String lastName, String locale, String timeZone,
			Integer birthdayMonth, Integer birthdayDay, String signedUpOn, Instant createdAt, Instant lastEngagedAt) {
		jdbc.update("""
				INSERT INTO contacts (id, email, first_name, last_name, locale, time_zone, birthday_month, birthday_day,
				                      signed_up_on, attributes, created_at, updated_at, last_engaged_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?)""", id, email, firstName, lastName, locale, timeZone,
				birthdayMonth, birthdayDay, signedUpOn == null ? null : Date.valueOf(signedUpOn),
				Timestamp.from(createdAt), Timestamp.from(createdAt),
				lastEngagedAt == null ? null : Timestamp.from(lastEngagedAt));
	}

	private void attributes(String contactId, Map<String, Object> attributes) {
		attributes.forEach((name, value) -> jdbc.update("""
				INSERT INTO contact_attributes (contact_id, name, text_value, number_value, boolean_value, date_value)
				VALUES (?, ?, ?, ?, ?, ?)""", contactId, name, value instanceof String text ? text : null,
				value instanceof Integer number ? BigDecimal.valueOf(number) : null,
				value instanceof Boolean flag ? flag : null,
				value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}") ? Date.valueOf(text) : null));
	}

	private void events(String contactId, String name, int... daysAgo) {
		for (int days : daysAgo) {
			jdbc.update("""
					INSERT INTO events (id, name, contact_id, data, received_at, started_journeys, continued_journeys)
					VALUES (?, ?, ?, '{}', ?, 0, 0)""", contactId + "-" + name + "-" + days, name, contactId,
					Timestamp.from(daysAgo(days)));
		}
	}

	private static Instant daysAgo(int days) {
		return NOW.minus(Duration.ofDays(days));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
