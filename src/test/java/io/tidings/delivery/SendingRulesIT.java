package io.tidings.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import io.tidings.consent.SuppressionReason;
import io.tidings.consent.Suppressions;
import io.tidings.contact.ContactChange;
import io.tidings.contact.Contacts;
import io.tidings.support.ApiClient;
import io.tidings.support.EmbeddedPostgresDatabase;
import io.tidings.support.Eventually;
import io.tidings.support.ProbeJourneys;
import io.tidings.support.ScriptedSmtpServer;
import io.tidings.support.TimeZones;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
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
import static org.assertj.core.api.Assertions.within;

/**
 * The rules a mail passes at the last moment, over real SMTP on PostgreSQL: quiet hours
 * in the contact's own time zone, the frequency cap, a domain's rate limit, suppression
 * that came after the mail was queued, and contact data that tries to add headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.poll-interval=200ms",
				"tidings.delivery.quiet-hours.start=01:00", "tidings.delivery.quiet-hours.end=05:00",
				"tidings.delivery.frequency-cap.max-per-window=2", "tidings.delivery.frequency-cap.window=7d",
				"tidings.delivery.rate-limits.domains.[slow.example]=2" })
@DirtiesContext
class SendingRulesIT {

	static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

	/**
	 * A zone where it is now about 03:00, inside the quiet hours, and one where it is
	 * 14:00.
	 */
	static final String NIGHT_ZONE = TimeZones.whereItIsNow(3);

	static final String DAY_ZONE = TimeZones.whereItIsNow(14);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", smtp::port);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HistoryService history;

	@Autowired
	Suppressions suppressions;

	@Autowired
	Contacts contacts;

	ApiClient api;

	ProbeJourneys probes;

	@BeforeEach
	void client() {
		api = ApiClient.as(port, "demo", "demo");
		probes = new ProbeJourneys(api, history, jdbc);
	}

	@Test
	void marketingMailWaitsForTheEndOfQuietHoursWhileTransactionalMailGoes() {
		String marketing = probes.start("c-night", "night@example.com", NIGHT_ZONE, "marketing");

		Map<String, Object> deferred = probes.deliveryOf(marketing, "DEFERRED");
		assertThat(deferred.get("status_reason")).isEqualTo("quiet hours in " + NIGHT_ZONE);
		ZonedDateTime localNow = ZonedDateTime.now(ZoneId.of(NIGHT_ZONE));
		Instant fiveOClock = ZonedDateTime.of(localNow.toLocalDate(), LocalTime.of(5, 0), localNow.getZone())
			.toInstant();
		assertThat(((Timestamp) deferred.get("next_attempt_at")).toInstant()).isEqualTo(fiveOClock);
		assertThat(deferred.get("attempts")).isEqualTo(0);
		assertThat(probes.endedAt(marketing)).isNull();

		String transactional = probes.start("c-night", null, null, "transactional");
		probes.deliveryOf(transactional, "SENT");
		assertThat(smtp.acceptedFor("night@example.com")).hasSize(1);
	}

	@Test
	void theFrequencyCapDefersTheThirdMarketingMailUntilTheFirstLeavesTheWindow() {
		String first = probes.start("c-capped", "capped@example.com", DAY_ZONE, "marketing");
		Instant firstSent = ((Timestamp) probes.deliveryOf(first, "SENT").get("sent_at")).toInstant();
		probes.deliveryOf(probes.start("c-capped", null, null, "marketing"), "SENT");

		Map<String, Object> third = probes.deliveryOf(probes.start("c-capped", null, null, "marketing"), "DEFERRED");

		assertThat((String) third.get("status_reason")).contains("frequency cap of 2 marketing mails per PT168H");
		assertThat(((Timestamp) third.get("next_attempt_at")).toInstant())
			.isEqualTo(firstSent.plus(Duration.ofDays(7)));
		probes.deliveryOf(probes.start("c-capped", null, null, "transactional"), "SENT");
		assertThat(smtp.acceptedFor("capped@example.com")).hasSize(3);
	}

	@Test
	void aSlowDomainGetsNoMoreThanItsRate() {
		List<String> journeys = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			journeys.add(probes.start("c-slow-" + i, "reader" + i + "@slow.example", DAY_ZONE, "marketing"));
		}
		List<Instant> sent = journeys.stream()
			.map(journey -> ((Timestamp) probes.deliveryOf(journey, "SENT").get("sent_at")).toInstant())
			.sorted()
			.toList();

		// Two at once (one second's burst), then two a second: the other four take two
		// seconds.
		assertThat(Duration.between(sent.get(0), sent.get(5))).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void anAddressSuppressedAfterItsMailWasQueuedGetsNothing() {
		String journey = probes.start("c-changed-mind", "changed@example.com", NIGHT_ZONE, "marketing");
		String deliveryId = (String) probes.deliveryOf(journey, "DEFERRED").get("id");

		suppressions.suppress("Changed@Example.com", SuppressionReason.MANUAL, "asked by phone");
		jdbc.update("UPDATE deliveries SET next_attempt_at = ? WHERE id = ?", Timestamp.from(Instant.now()),
				deliveryId);

		Map<String, Object> skipped = probes.deliveryOf(journey, "SKIPPED");
		assertThat(skipped.get("status_reason")).isEqualTo("suppressed: manual");
		Eventually.within(Duration.ofSeconds(10), () -> probes.endedAt(journey), "SentEnd"::equals);
		assertThat(smtp.acceptedFor("changed@example.com")).isEmpty();
	}

	@Test
	void contactDataNeverAddsARecipientOrAHeader() {
		// Stored as it came (the API would have refused it): the sender must still be
		// safe.
		contacts.upsert(ContactChange.of("c-eve", "eve@example.com", "Eve\r\nBcc: victim@example.com",
				"X\nTo: other@example.com", "en", DAY_ZONE, Map.of()));

		String journey = probes.start("c-eve", null, null, "transactional");
		probes.deliveryOf(journey, "SENT");

		ScriptedSmtpServer.Accepted mail = smtp.acceptedFor("eve@example.com").get(0);
		assertThat(mail.recipients()).containsExactly("eve@example.com");
		String headers = mail.raw().substring(0, mail.raw().indexOf("\r\n\r\n"));
		assertThat(headers).doesNotContainPattern("(?mi)^Bcc:");
		// The name stays inside the one quoted display name of the one To header.
		List<String> toHeaders = headers.lines().filter(line -> line.regionMatches(true, 0, "To:", 0, 3)).toList();
		assertThat(toHeaders).singleElement().asString().endsWith("\" <eve@example.com>");
		assertThat(smtp.acceptedFor("victim@example.com")).isEmpty();
		assertThat(smtp.acceptedFor("other@example.com")).isEmpty();
	}

}
