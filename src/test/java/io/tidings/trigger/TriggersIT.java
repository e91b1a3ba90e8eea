package io.tidings.trigger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import io.tidings.contact.Birthday;
import io.tidings.contact.ContactChange;
import io.tidings.contact.Contacts;
import io.tidings.support.EmbeddedPostgresDatabase;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Birthday, anniversary and inactivity triggers on PostgreSQL, with time moved by naming
 * the instant each look happens at: journeys start at 09:00 in each contact's own zone,
 * from UTC+14 to UTC−12, once a year, and inactivity once per quiet spell.
 */
@SpringBootTest(properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
		"tidings.triggers.enabled=false", "tidings.triggers.local-time=09:00" })
@DirtiesContext
class TriggersIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
	}

	@Autowired
	Triggers triggers;

	@Autowired
	Contacts contacts;

	@Autowired
	io.tidings.contact.Segments segments;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void birthdaysStartAtNineInTheContactsOwnZoneFromKiritimatiToBakerIsland() {
		contact("kiri", "Pacific/Kiritimati", "--03-10", null);
		contact("baker", "Etc/GMT+12", "1980-03-10", null);
		contact("no-zone", null, "--03-10", null);

		// 08:59 on 10 March in Kiritimati (UTC+14).
		triggers.fireDue(Instant.parse("2026-03-09T18:59:00Z"));
		assertThat(started("birthdayProbe", "kiri")).isZero();
		triggers.fireDue(Instant.parse("2026-03-09T19:00:00Z"));
		assertThat(started("birthdayProbe", "kiri")).isOne();
		assertThat(started("birthdayProbe", "baker")).isZero();

		// 09:00 in UTC for the contact without a zone (the default zone).
		triggers.fireDue(Instant.parse("2026-03-10T09:00:00Z"));
		assertThat(started("birthdayProbe", "no-zone")).isOne();

		// 08:59 and 09:00 on 10 March on Baker Island (UTC−12).
		triggers.fireDue(Instant.parse("2026-03-10T20:59:00Z"));
		assertThat(started("birthdayProbe", "baker")).isZero();
		triggers.fireDue(Instant.parse("2026-03-10T21:00:00Z"));
		assertThat(started("birthdayProbe", "baker")).isOne();
		assertThat(variable("birthdayProbe", "baker", "years")).isEqualTo(46);

		// Later looks that day, and the next day, start nothing more.
		triggers.fireDue(Instant.parse("2026-03-11T08:00:00Z"));
		triggers.fireDue(Instant.parse("2026-03-11T23:00:00Z"));
		assertThat(started("birthdayProbe", "kiri") + started("birthdayProbe", "baker")
				+ started("birthdayProbe", "no-zone"))
			.isEqualTo(3);
	}

	@Test
	void theTwentyNinthOfFebruaryIsCelebratedOnTheTwentyEighthInOtherYears() {
		contact("leapling", "UTC", "2000-02-29", null);

		triggers.fireDue(Instant.parse("2027-02-28T09:00:00Z"));
		assertThat(started("birthdayProbe", "leapling")).isOne();
		triggers.fireDue(Instant.parse("2027-03-01T09:00:00Z"));
		assertThat(started("birthdayProbe", "leapling")).isOne();

		// In a leap year it is the 29th, not the 28th.
		triggers.fireDue(Instant.parse("2028-02-28T09:00:00Z"));
		assertThat(started("birthdayProbe", "leapling")).isOne();
		triggers.fireDue(Instant.parse("2028-02-29T09:00:00Z"));
		assertThat(started("birthdayProbe", "leapling")).isEqualTo(2);
	}

	@Test
	void aMissedHourIsCaughtUpTheSameDayButNotTheNext() {
		contact("late", "Europe/Amsterdam", "--06-15", null);
		contact("missed", "Europe/Amsterdam", "--06-14", null);

		// 23:30 in Amsterdam on 15 June: the node was down at nine.
		triggers.fireDue(Instant.parse("2026-06-15T21:30:00Z"));

		assertThat(started("birthdayProbe", "late")).isOne();
		assertThat(started("birthdayProbe", "missed")).isZero();
	}

	@Test
	void looksFromSeveralNodesAtOnceStartOneJourney() throws Exception {
		contact("crowded", "UTC", "--09-01", null);
		Instant nine = Instant.parse("2026-09-01T09:00:00Z");
		List<Callable<Integer>> looks = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			looks.add(() -> triggers.fireDue(nine));
		}

		var pool = Executors.newFixedThreadPool(4);
		try {
			pool.invokeAll(looks);
		}
		finally {
			pool.shutdown();
		}

		assertThat(started("birthdayProbe", "crowded")).isOne();
		assertThat(jdbc.queryForObject(
				"SELECT count(*) FROM trigger_firings WHERE contact_id = 'crowded' AND trigger_key = 'BirthdayReached'",
				Integer.class))
			.isOne();
	}

	@Test
	void signupAnniversariesComeEachYearFromTheFirst() {
		contact("anniv", "Asia/Tokyo", null, "2024-05-01");

		triggers.fireDue(Instant.parse("2025-05-01T00:00:00Z"));
		assertThat(started("anniversaryProbe", "anniv")).isOne();
		assertThat(variable("anniversaryProbe", "anniv", "years")).isEqualTo(1);
		triggers.fireDue(Instant.parse("2026-05-01T00:00:00Z"));
		assertThat(started("anniversaryProbe", "anniv")).isEqualTo(2);
	}

	@Test
	void inactivityStartsOncePerQuietSpell() {
		contact("quiet", "UTC", null, null);
		Instant engaged = Instant.now().minus(Duration.ofDays(1));
		contacts.recordEngagement("quiet", engaged);

		triggers.fireDue(engaged.plus(Duration.ofDays(29)));
		assertThat(started("inactivityProbe", "quiet")).isZero();
		triggers.fireDue(engaged.plus(Duration.ofDays(31)));
		triggers.fireDue(engaged.plus(Duration.ofDays(45)));
		assertThat(started("inactivityProbe", "quiet")).isOne();
		assertThat(variable("inactivityProbe", "quiet", "inactiveDays")).isEqualTo(30);

		// Engages again, goes quiet again: a new spell.
		contacts.recordEngagement("quiet", engaged.plus(Duration.ofDays(50)));
		triggers.fireDue(engaged.plus(Duration.ofDays(70)));
		assertThat(started("inactivityProbe", "quiet")).isOne();
		triggers.fireDue(engaged.plus(Duration.ofDays(81)));
		assertThat(started("inactivityProbe", "quiet")).isEqualTo(2);
	}

	@Test
	void enteringASegmentStartsTheJourneyOncePerEntry() throws Exception {
		contact("e-1", "UTC", null, null);
		contacts.upsert(ContactChange.of("e-1", null, null, null, null, null, Map.of("vip", true)));
		segments.save("entry-vip", "VIPs", new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree("{\"attribute\": \"vip\", \"op\": \"eq\", \"value\": true}"));
		Instant look = Instant.parse("2030-01-01T00:00:00Z");

		// The first look takes who is in already as the baseline: nobody enters.
		triggers.fireDue(look);
		assertThat(started("segmentEntryProbe", "e-1")).isZero();

		contact("e-2", "UTC", null, null);
		contacts.upsert(ContactChange.of("e-2", null, null, null, null, null, Map.of("vip", true)));
		triggers.fireDue(look.plusSeconds(60));
		triggers.fireDue(look.plusSeconds(120));
		assertThat(started("segmentEntryProbe", "e-2")).isOne();
		assertThat(variable("segmentEntryProbe", "e-2", "segment")).isEqualTo("entry-vip");

		// Leaves, then comes back: a second entry.
		contacts.upsert(ContactChange.of("e-2", null, null, null, null, null, Map.of("vip", false)));
		triggers.fireDue(look.plusSeconds(180));
		contacts.upsert(ContactChange.of("e-2", null, null, null, null, null, Map.of("vip", true)));
		triggers.fireDue(look.plusSeconds(240));
		assertThat(started("segmentEntryProbe", "e-2")).isEqualTo(2);
		assertThat(started("segmentEntryProbe", "e-1")).isZero();
	}

	private void contact(String id, String zone, String birthday, String signedUpOn) {
		contacts.upsert(new ContactChange(id, id + "@example.com", null, null, "en", zone,
				birthday == null ? null : Birthday.parse(birthday),
				signedUpOn == null ? null : java.time.LocalDate.parse(signedUpOn), Map.of()));
		// Contacts created long ago, so inactivity counts from their engagement only.
		jdbc.update("UPDATE contacts SET created_at = ? WHERE id = ?",
				Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), id);
	}

	private long started(String journey, String contactId) {
		return history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(journey)
			.processInstanceBusinessKey(contactId)
			.count();
	}

	private Object variable(String journey, String contactId, String name) {
		String instance = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(journey)
			.processInstanceBusinessKey(contactId)
			.orderByProcessInstanceStartTime()
			.desc()
			.list()
			.get(0)
			.getId();
		return history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.variableName(name)
			.singleResult()
			.getValue();
	}

}
