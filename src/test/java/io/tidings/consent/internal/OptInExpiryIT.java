package io.tidings.consent.internal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.consent.TopicConsents;
import io.tidings.consent.TopicConsents.Origin;
import io.tidings.consent.UnsubscribeLinks;
import io.tidings.support.ApiClient;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A double opt-in whose click never comes lapses after {@code opt-in-expiry}: the topic
 * becomes LAPSED (no marketing mail of it), the consent history shows OPT_IN_LAPSED, a
 * late click no longer confirms, a second look records nothing new, and a new request
 * starts over. Requests younger than the expiry stay pending.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.triggers.enabled=false", "camunda.bpm.job-execution.enabled=false",
				"tidings.consent.opt-in-expiry=30d", "tidings.consent.opt-in-expiry-check=1h" })
@DirtiesContext
class OptInExpiryIT extends PostgresApiTest {

	@Autowired
	TopicConsents consents;

	@Autowired
	OptInExpiry expiry;

	@Autowired
	UnsubscribeLinks links;

	@Test
	void anUnconfirmedOptInLapsesAfterTheExpiryAndIsRecorded() throws Exception {
		for (String id : List.of("lapse-old", "lapse-new")) {
			assertThat(api
				.send(api.request("/api/contacts/" + id)
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + id + "@example.com\"}")))
				.statusCode()).isBetween(200, 201);
			assertThat(consents.requestOptIn(id, List.of("promotions"), Origin.of("API")))
				.containsExactly("promotions");
		}
		backdate("lapse-old", Duration.ofDays(31));
		backdate("lapse-new", Duration.ofDays(29));

		assertThat(expiry.lapseOverdue()).isEqualTo(1);

		assertThat(status("lapse-old")).isEqualTo("LAPSED");
		assertThat(status("lapse-new")).as("younger than the expiry").isEqualTo("PENDING");
		assertThat(consents.blockReason("lapse-old", "promotions"))
			.hasValue("double opt-in for promotions lapsed unconfirmed");
		JsonNode consent = json.readTree(api.get("/api/contacts/lapse-old/consent").body());
		assertThat(consent.toString()).contains("OPT_IN_LAPSED").contains("no confirmation within PT720H");
		String confirm = URI.create(links.confirmUrlFor("lapse-old")).getPath();
		HttpResponse<String> page = ApiClient.anonymous(port).get(confirm);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("This confirmation link has expired").doesNotContain("<form");
		HttpResponse<String> lateClick = ApiClient.anonymous(port)
			.send(ApiClient.anonymous(port)
				.request(confirm)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("")));
		assertThat(lateClick.body()).as("a late click").contains("This confirmation link has expired");
		assertThat(consents.confirmOptIn("lapse-old", Origin.of("LINK"))).isEmpty();
		assertThat(status("lapse-old")).isEqualTo("LAPSED");

		assertThat(expiry.lapseOverdue()).as("nothing is lapsed twice").isZero();
		assertThat(jdbc.queryForObject(
				"SELECT count(*) FROM consent_records WHERE contact_id = 'lapse-old' AND action = 'OPT_IN_LAPSED'",
				Integer.class))
			.isOne();

		assertThat(consents.requestOptIn("lapse-old", List.of("promotions"), Origin.of("API")))
			.as("a new request starts over")
			.containsExactly("promotions");
		assertThat(status("lapse-old")).isEqualTo("PENDING");
		assertThat(consents.confirmOptIn("lapse-old", Origin.of("LINK"))).containsExactly("promotions");
		assertThat(status("lapse-old")).isEqualTo("SUBSCRIBED");
	}

	private void backdate(String contactId, Duration by) {
		jdbc.update("UPDATE topic_consents SET changed_at = ? WHERE contact_id = ?",
				Timestamp.from(Instant.now().minus(by)), contactId);
	}

	private String status(String contactId) {
		return jdbc.queryForObject("SELECT status FROM topic_consents WHERE contact_id = ? AND topic = 'promotions'",
				String.class, contactId);
	}

}
