package io.tidings.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.tidings.consent.UnsubscribeLinks;
import io.tidings.support.PostgresApiTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON and CSV input of the application (and the ARF report and preference form,
 * which are neither but take what strangers send) fuzzed over real HTTP on PostgreSQL:
 * {@code fuzz.tries} generated bad bodies per input (jqwik generators, fixed seed
 * {@code fuzz.seed}), sent by {@code fuzz.clients} keep-alive clients. No answer may be a
 * 5xx; every 4xx is a problem-details document with a detail and stores nothing; inputs
 * that turn out valid are counted apart. A summary line per input is printed.
 *
 * <p>
 * Inputs that take no body: {@code GET /api/experiments/{id}?metric=} (experiments are
 * defined in BPMN, not over the API), the page size parameters, {@code DELETE}s and the
 * engine's own {@code /engine-rest}, which is Camunda's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0",
				"tidings.triggers.enabled=false", "camunda.bpm.job-execution.enabled=false",
				// One client sends thousands of preference forms: the per-address limit
				// on public
				// pages (PublicPagesIT) would answer most of them 429 before the form is
				// read.
				"tidings.public-pages.rate-limit.enabled=false" })
@DirtiesContext
class InputFuzzIT extends PostgresApiTest {

	/**
	 * 200 per input in CI: with row counts taken around every request, a shared 2-core
	 * machine manages 12 to 80 requests a second per input but about 2 for simulate (each
	 * runs a journey in an engine of its own), so 1,000 would cost over ten minutes of a
	 * twenty-minute budget. -Dfuzz.tries=10000 for the full run.
	 */
	static final int TRIES = Integer.getInteger("fuzz.tries", 200);

	static final long SEED = Long.getLong("fuzz.seed", 20_251_017L);

	static final int CLIENTS = Integer.getInteger("fuzz.clients", 4);

	static final String EVENT = """
			{"id": "fz-evt-1", "name": "SignupReceived", "correlationKey": "fz-key",
			 "contact": {"id": "fz-ann", "email": "ann@example.com", "firstName": "Ann", "lastName": "Lee",
			             "locale": "en", "timeZone": "Europe/Amsterdam", "birthday": "1990-04-02",
			             "signedUpOn": "2024-01-31", "attributes": {"plan": "free", "score": 3}},
			 "data": {"source": "landing-page", "items": [{"sku": "A-1", "quantity": 1}]}}""";

	static final String CART = """
			{"name": "CartAbandoned", "after": "PT0S", "correlationKey": "cart-7",
			 "data": {"items": [{"name": "Lamp", "quantity": 1, "price": 49.5}], "total": 49.5, "currency": "EUR"}}""";

	private static final List<String> SUMMARIES = new ArrayList<>();

	@Autowired
	UnsubscribeLinks links;

	@TestFactory
	Stream<DynamicTest> noBadInputIsAServerErrorOrStoresAnything() {
		assertThat(api
			.send(api.request("/api/contacts/fz-prefs")
				.header("Content-Type", "application/json")
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\": \"prefs@example.com\"}")))
			.statusCode()).isEqualTo(201);
		assertThat(api.postJson("/api/segments",
				"{\"key\": \"fz-nobody\", \"name\": \"Nobody\", \"rule\": {\"attribute\": \"plan\", \"op\": \"eq\", \"value\": \"none\"}}")
			.statusCode()).isEqualTo(201);
		FuzzRun run = new FuzzRun(port, "demo", "demo", new StoredRows(jdbc));
		return targets().stream().map(target -> DynamicTest.dynamicTest(target.name(), () -> {
			FuzzRun.Tally tally = run.run(target, TRIES, SEED, CLIENTS);
			String summary = tally.summary();
			System.out.println("FUZZ " + summary);
			synchronized (SUMMARIES) {
				SUMMARIES.add(summary);
			}
			assertThat(tally.failures).as(summary).isEmpty();
			assertThat(tally.tries()).isEqualTo(TRIES);
		}));
	}

	@AfterAll
	static void printSummary() {
		System.out.println("FUZZ summary: " + TRIES + " bodies per input, seed " + SEED + ", " + CLIENTS + " clients");
		SUMMARIES.forEach(line -> System.out.println("FUZZ " + line));
	}

	private List<FuzzTarget> targets() {
		String preferences = URI.create(links.preferencesUrlFor("fz-prefs", "newsletter")).getPath();
		return List.of(FuzzTarget.api("POST", "/api/events", BadJson.of(EVENT)),
				FuzzTarget.api("POST", "/api/events/batch", BadJson.of("{\"events\": [" + EVENT + ", "
						+ EVENT.replace("fz-evt-1", "fz-evt-2").replace("SignupReceived", "OrderPlaced") + "]}")),
				FuzzTarget.api("PUT", "/api/contacts/fz-put", BadJson.of("""
						{"id": "fz-put", "email": "put@example.com", "firstName": "Pat", "lastName": "Doe",
						 "locale": "pt-BR", "timeZone": "America/Sao_Paulo", "birthday": "--05-17",
						 "signedUpOn": "2024-01-31", "attributes": {"plan": "pro", "tags": ["a", "b"]}}""")),
				FuzzTarget.api("POST", "/api/contacts/fz-prefs/consent",
						BadJson.of("{\"topics\": {\"newsletter\": true, \"promotions\": false}, "
								+ "\"detail\": \"checkout checkbox v3\"}")),
				FuzzTarget.api("POST", "/api/suppressions",
						BadJson.of("{\"email\": \"supp@example.com\", \"reason\": \"manual\", \"detail\": \"asked\"}")),
				FuzzTarget.api("POST", "/api/segments", BadJson.of("""
						{"key": "fz-seg", "name": "Repeat pro", "rule": {"all": [
						  {"attribute": "plan", "op": "eq", "value": "pro"},
						  {"attribute": "country", "op": "in", "values": ["NL", "BE"]},
						  {"event": "OrderPlaced", "atLeast": 2, "withinDays": 30}]}}""")),
				FuzzTarget.api("POST", "/api/broadcasts",
						BadJson.of("{\"journey\": \"broadcastProbe\", \"segment\": \"fz-nobody\", \"perSecond\": 5}")),
				FuzzTarget.api("POST", "/api/journeys/abandoned-cart/simulate", BadJson.of("""
						{"sampleContact": {"id": "s-1", "email": "s@example.com", "firstName": "Ann", "locale": "fr",
						                   "timeZone": "Europe/Paris"},
						 "segments": ["fz-nobody"], "events": [%s], "days": 5}""".formatted(CART))),
				FuzzTarget.api("POST", "/api/journeys/welcome/migrations",
						BadJson.of("{\"fromVersion\": 1, \"toVersion\": 1, \"confirm\": false}")),
				FuzzTarget.api("POST", "/api/contacts/import", BadCsv.files()),
				FuzzTarget.api("POST", "/api/feedback-loop", feedbackReports()),
				new FuzzTarget("POST " + preferences + " (form)", "POST", preferences, preferenceForms(), true));
	}

	private static Arbitrary<BadInput> feedbackReports() {
		List<Arbitrary<BadInput>> reports = new ArrayList<>();
		for (String file : List.of("yahoo-abuse-full-message.eml", "not-spam.eml", "headers-only-abuse.eml")) {
			byte[] report = resource("arf/" + file);
			reports.add(BadBytes.of(report, "message/rfc822"));
			reports.add(Arbitraries
				.of("message/rfc822", "multipart/report", "text/plain", "application/json",
						"multipart/report; boundary=", "message/rfc822; charset=x-unknown", "text/csv")
				.map(type -> new BadInput("arf:as " + type, type, report)));
		}
		return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.oneOf(reports)), Tuple.of(1, Arbitraries
			.randomValue(random -> new BadInput("arf:binary", "message/rfc822", BadBytes.randomBytes(random, 4096)))));
	}

	private static Arbitrary<BadInput> preferenceForms() {
		return Arbitraries.randomValue(InputFuzzIT::preferenceForm);
	}

	private static BadInput preferenceForm(Random random) {
		StringBuilder form = new StringBuilder(
				List.of("action=save", "action=Save", "action=", "action=save&action=save", "").get(random.nextInt(5)));
		for (int i = 0; i < random.nextInt(6); i++) {
			String topic = List
				.of("newsletter", "promotions", "no-such-topic", "", Words.lookalike(random), Words.unicode(random),
						"x".repeat(10_000))
				.get(random.nextInt(7));
			form.append("&topic=")
				.append(random.nextInt(5) == 0 ? "%zz%" : URLEncoder.encode(topic, StandardCharsets.UTF_8));
		}
		return BadInput.of("form", "application/x-www-form-urlencoded", form.toString());
	}

	private static byte[] resource(String name) {
		try {
			return Files.readAllBytes(Path.of("src/test/resources", name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
