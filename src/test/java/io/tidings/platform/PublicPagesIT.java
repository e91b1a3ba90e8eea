package io.tidings.platform;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tidings.consent.UnsubscribeLinks;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.FreePort;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages recipients reach without a login, over real HTTP on PostgreSQL: every answer
 * carries the security headers and sets no cookie; a bad token gets the same 404 page
 * whatever is wrong with it; and one client address that keeps asking gets 429 with
 * Retry-After, X-Forwarded-For notwithstanding (no proxy is trusted by default). The
 * limit is lowered here so the test can reach it; the rate-limit test runs last because
 * the whole class shares the loopback address's bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=true", "tidings.delivery.poll-interval=200ms",
				"tidings.public-pages.rate-limit.burst=80", "tidings.public-pages.rate-limit.per-second=0.01" })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicPagesIT extends PostgresApiTest {

	static final int SMTP_PORT = FreePort.find();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("tidings.dev-mailbox.smtp-port", () -> SMTP_PORT);
	}

	@Autowired
	UnsubscribeLinks links;

	@Test
	@Order(1)
	void everyAnswerCarriesTheSecurityHeadersAndNoCookie() {
		createContact("pp-ann", "ann.public@example.com");
		Tracking tracking = trackingOf("pp-ann");
		List<HttpResponse<String>> answers = new ArrayList<>();
		answers.add(get(path(links.preferencesUrlFor("pp-ann", "newsletter"))));
		answers.add(get(path(links.urlFor("pp-ann", "newsletter"))));
		answers.add(get(path(links.confirmUrlFor("pp-ann"))));
		answers.add(get("/t/o/" + tracking.pixel()));
		answers.add(get("/t/c/" + tracking.link()));
		answers.add(get("/t/c/unknown"));
		answers.add(get("/u/unknown"));
		answers.add(post(path(links.preferencesUrlFor("pp-ann", "newsletter")), "action=save&topic=newsletter"));
		answers.add(post(path(links.urlFor("pp-ann", "newsletter")), "confirm=no"));
		assertThat(answers).extracting(HttpResponse::statusCode)
			.containsExactly(200, 200, 200, 200, 302, 404, 404, 302, 200);
		// Encoded and dotted spellings of the same paths are guarded alike (the firewall
		// may refuse the dotted one with 400; it still carries the headers).
		answers.add(get("/%75/unknown"));
		answers.add(get("/t/./o/" + tracking.pixel()));
		assertThat(answers.get(9).statusCode()).isEqualTo(404);
		for (HttpResponse<String> answer : answers) {
			var headers = answer.headers();
			String where = answer.request().method() + " " + answer.uri().getPath();
			assertThat(headers.firstValue("Content-Security-Policy")).as(where)
				.hasValue(PublicPageFilter.CONTENT_SECURITY_POLICY);
			assertThat(headers.firstValue("X-Content-Type-Options")).as(where).hasValue("nosniff");
			assertThat(headers.allValues("X-Frame-Options")).as(where).containsExactly("DENY");
			assertThat(headers.firstValue("Referrer-Policy")).as(where).hasValue("no-referrer");
			assertThat(headers.allValues("Set-Cookie")).as(where).isEmpty();
		}
		assertThat(answers.get(0).body()).doesNotContain("<script");
		assertThat(answers.get(4).headers().firstValue("Location")).hasValue("https://example.com/start");
	}

	@Test
	@Order(2)
	void everyBadTokenGetsTheSameNotFoundPage() {
		createContact("pp-bob", "bob.public@example.com");
		Tracking tracking = trackingOf("pp-bob");
		String preferences = path(links.preferencesUrlFor("pp-bob", "newsletter"));
		String unsubscribe = path(links.urlFor("pp-bob", "newsletter"));
		String confirm = path(links.confirmUrlFor("pp-bob"));
		assertThat(api.send(api.request("/api/contacts/pp-bob").DELETE()).statusCode()).isIn(200, 202, 204);

		Set<String> consentPages = new java.util.HashSet<>();
		for (String page : List.of(preferences, unsubscribe, confirm)) {
			String prefix = page.substring(0, page.indexOf('/', 1) + 1);
			for (String bad : List.of(page, tampered(page), prefix + "nonsense",
					path(links.preferencesUrlFor("pp-never-existed", "newsletter")).replace("/preferences/", prefix))) {
				HttpResponse<String> answer = get(bad);
				assertThat(answer.statusCode()).as(bad).isEqualTo(404);
				consentPages.add(answer.body());
			}
		}
		assertThat(consentPages).hasSize(1);
		assertThat(consentPages.iterator().next()).contains("This link does not work").doesNotContain("bob");

		Set<String> trackingPages = new java.util.HashSet<>();
		for (String bad : List.of("/t/o/" + tracking.pixel(), "/t/c/" + tracking.link(),
				"/t/o/" + tampered(tracking.pixel()), "/t/c/" + tampered(tracking.link()), "/t/c/nonsense",
				"/t/o/AAAAAAAAAAAAAAAAAAAAAA")) {
			HttpResponse<String> answer = get(bad);
			assertThat(answer.statusCode()).as(bad).isEqualTo(404);
			trackingPages.add(answer.body());
		}
		assertThat(trackingPages).hasSize(1);
		assertThat(trackingPages.iterator().next()).contains("This link does not work");
	}

	@Test
	@Order(3)
	void oneAddressThatKeepsAskingGets429WithRetryAfter() {
		int allowed = 0;
		HttpResponse<String> limited = null;
		for (int i = 0; i < 100 && limited == null; i++) {
			HttpResponse<String> answer = get("/t/o/AAAAAAAAAAAAAAAAAAAAA" + (i % 10));
			if (answer.statusCode() == 429) {
				limited = answer;
			}
			else {
				assertThat(answer.statusCode()).isEqualTo(404);
				allowed++;
			}
		}
		assertThat(limited).as("429 within 100 requests").isNotNull();
		assertThat(allowed).isLessThan(80);
		// One token per 100 s at 0.01 per second.
		assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 100L);
		assertThat(limited.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(limited.headers().allValues("Set-Cookie")).isEmpty();

		// The same bucket for every public page, and a forged X-Forwarded-For changes
		// nothing.
		assertThat(get("/u/anything").statusCode()).isEqualTo(429);
		assertThat(get("/preferences/anything").statusCode()).isEqualTo(429);
		ApiClient recipient = ApiClient.anonymous(port);
		assertThat(recipient
			.send(recipient.request("/t/o/AAAAAAAAAAAAAAAAAAAAAA").header("X-Forwarded-For", "203.0.113.7").GET())
			.statusCode()).isEqualTo(429);
		// Logged-in APIs are not limited by it.
		assertThat(api.get("/api/contacts/pp-ann").statusCode()).isEqualTo(200);
	}

	private record Tracking(String pixel, String link) {
	}

	/** Sends the welcome mail and reads its open and click tokens. */
	private Tracking trackingOf(String contactId) {
		HttpResponse<String> event = api.postJson("/api/events",
				"{\"name\": \"SignupReceived\", \"contact\": {\"id\": \"" + contactId + "\"}}");
		assertThat(event.statusCode()).as(event.body()).isEqualTo(202);
		Eventually.within(Duration.ofSeconds(30),
				() -> jdbc.queryForObject("SELECT count(*) FROM deliveries WHERE contact_id = ? AND status = 'SENT'",
						Integer.class, contactId),
				count -> count > 0);
		String link = jdbc.queryForObject(
				"SELECT token FROM tracked_links WHERE contact_id = ? AND url = 'https://example.com/start'",
				String.class, contactId);
		String pixel = jdbc.queryForObject("SELECT open_token FROM delivery_opens WHERE contact_id = ?", String.class,
				contactId);
		return new Tracking(pixel, link);
	}

	private void createContact(String id, String email) {
		HttpResponse<String> response = api.send(api.request("/api/contacts/" + id)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"firstName\": \"Pat\"}")));
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
	}

	private static String tampered(String path) {
		return path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA");
	}

	private static String path(String url) {
		return URI.create(url).getPath();
	}

	private HttpResponse<String> get(String path) {
		return ApiClient.anonymous(port)
			.send(ApiClient.anonymous(port).request(path).header("Accept-Language", "en").GET());
	}

	private HttpResponse<String> post(String path, String form) {
		return ApiClient.anonymous(port)
			.send(ApiClient.anonymous(port)
				.request(path)
				.header("Accept-Language", "en")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

}
