package io.tidings.analytics;

import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.support.ApiClient;
import io.tidings.support.Eventually;
import io.tidings.support.HeadlessChromium;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (headless Chromium) against the running app on
 * PostgreSQL, over three send steps of the welcome journey with an A/B test that has an
 * auto-winner: after logging in, picking the journey draws the funnel, the rates over
 * time and the test's chart, and the table shows the API's figures. An anonymous request
 * sees no data. Screenshots go to target/screenshots/dashboard*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
class DashboardBrowserIT extends PostgresApiTest {

	private static final String TIPS_EXPERIMENT = "welcome.SendTipsEmail";

	private final Instant now = Instant.now();

	@BeforeEach
	void mails() {
		JourneyMails welcome = new JourneyMails(jdbc, "welcome");
		welcome.clear();
		for (int i = 0; i < 80; i++) {
			String contact = "c" + i;
			Instant queued = now.minus(Duration.ofDays(i % 6)).minus(Duration.ofHours(1));
			String status = i % 10 == 0 ? "BOUNCED" : i % 17 == 0 ? "DEFERRED" : "SENT";
			welcome.mail("w" + i, contact, "SendWelcomeEmail", null, status, 1, queued);
			if (status.equals("SENT") && i % 2 == 1) {
				welcome.opened("w" + i, 1, 1);
				if (i % 4 == 1) {
					welcome.clicked("w" + i, contact, "SendWelcomeEmail", false, queued.plusSeconds(600));
				}
				if (i % 8 == 1) {
					welcome.converted("w" + i, contact, "SendWelcomeEmail", "25.00", queued.plusSeconds(900));
				}
			}
			tipsMail(welcome, i, now.minus(Duration.ofDays(i % 5)).minus(Duration.ofHours(2)));
			if (i % 3 == 0) {
				welcome.mail("s" + i, contact, "SendStoriesEmail", null, "SENT", 1, now.minus(Duration.ofHours(3)));
				welcome.opened("s" + i, 1, i % 2);
			}
		}
		jdbc.update(
				"""
						INSERT INTO experiments (id, journey_key, step_id, kind, variants, metric, auto_winner_after, first_seen_at)
						VALUES (?, 'welcome', 'SendTipsEmail', 'CONTENT', 'A::50,B::50', 'CLICK', 30, ?)""",
				TIPS_EXPERIMENT, Timestamp.from(now.minus(Duration.ofDays(6))));
		jdbc.update(
				"""
						INSERT INTO experiment_decisions (experiment_id, winner, metric, confidence, z_score, p_value, figures, decided_at)
						VALUES (?, 'B', 'CLICK', 0.95, 3.1, 0.0019, ?, ?)""",
				TIPS_EXPERIMENT, """
						[{"variant":"A","sample":40,"successes":4,"rate":0.1},
						 {"variant":"B","sample":40,"successes":16,"rate":0.4}]""", Timestamp.from(now));
	}

	/** Variant A for even contacts, clicked by 10 %; B for odd ones, clicked by 40 %. */
	private void tipsMail(JourneyMails welcome, int i, Instant queued) {
		String contact = "c" + i;
		String variant = i % 2 == 0 ? "A" : "B";
		boolean clicked = variant.equals("A") ? i % 20 == 0 : i % 5 == 1 || i % 5 == 3;
		welcome.mail("t" + i, contact, "SendTipsEmail", variant, "SENT", 1, queued);
		jdbc.update(
				"INSERT INTO experiment_assignments (experiment_id, contact_id, variant, assigned_at) VALUES (?, ?, ?, ?)",
				TIPS_EXPERIMENT, contact, variant, Timestamp.from(queued));
		if (clicked || i % 3 != 0) {
			welcome.opened("t" + i, 1, 1);
		}
		if (clicked) {
			welcome.clicked("t" + i, contact, "SendTipsEmail", false, queued.plusSeconds(300));
		}
	}

	@Test
	void pickingTheJourneyDrawsItsChartsAndShowsTheApisFigures() throws Exception {
		JsonNode report = json.readTree(ok(api.get("/api/journeys/welcome/stats?" + lastThirtyDays())));
		JsonNode experiment = json.readTree(ok(api.get("/api/experiments/" + TIPS_EXPERIMENT)));
		try (HeadlessChromium chromium = HeadlessChromium.start(1280, 1900)) {
			ChromeDriver browser = chromium.driver();
			browser.get("http://demo:demo@127.0.0.1:" + port + "/dashboard");
			waitFor(browser, "the journeys", "return !document.getElementById('journey').disabled");
			browser.findElement(By.cssSelector("#journey option[value='welcome']")).click();
			waitFor(browser, "the welcome journey's figures", "return document.body.dataset.shown === 'welcome'");

			assertThat(chartCount(browser, "funnel-chart", "data.labels.length")).isEqualTo(3);
			assertThat(chartCount(browser, "funnel-chart", "data.datasets[0].data.reduce((a, b) => a + b, 0)"))
				.isEqualTo(report.at("/total/sent").asLong());
			assertThat(chartCount(browser, "daily-chart", "data.labels.length")).isEqualTo(30);
			assertThat(chartCount(browser, "daily-chart",
					"data.datasets.find(d => d.label === 'Sent').data.reduce((a, b) => a + b, 0)"))
				.isEqualTo(report.at("/total/sent").asLong());

			assertThat(report.get("steps")).hasSize(3);
			for (JsonNode step : report.get("steps")) {
				assertRowShows(
						browser.findElement(By.cssSelector("tr[data-step='" + step.get("stepId").asText() + "']")),
						step.get("counts"), step.get("rates"));
			}
			assertRowShows(browser.findElement(By.cssSelector("tfoot tr[data-step='total']")), report.get("total"),
					report.get("totalRates"));

			WebElement tips = browser.findElement(By.cssSelector("article[data-experiment='" + TIPS_EXPERIMENT + "']"));
			assertThat(tips.findElements(By.tagName("canvas"))).hasSize(1);
			WebElement variantB = tips.findElement(By.cssSelector("tr[data-variant='B']"));
			JsonNode resultB = experiment.at("/results/1");
			assertThat(resultB.get("significant").asBoolean()).as("the test data make B significantly better").isTrue();
			assertThat(variantB.findElement(By.cssSelector("[data-rate='metric']")).getText())
				.isEqualTo(percent(resultB.get("rate").asDouble()));
			assertThat(variantB.findElement(By.cssSelector("[data-figure='pValue']")).getText())
				.isEqualTo(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ENGLISH))
					.format(resultB.get("pValue").asDouble()));
			assertThat(variantB.findElement(By.cssSelector("[data-figure='significant']")).getText()).isEqualTo("yes");
			assertThat(tips.findElement(By.cssSelector("[data-decision]")).getText())
				.startsWith("Auto-winner: variant B");

			Path shot = chromium.screenshot("dashboard");
			assertThat(Files.size(shot)).isGreaterThan(20_000);
		}
	}

	@Test
	void onAPhoneThePageFitsTheScreen() throws Exception {
		try (HeadlessChromium chromium = HeadlessChromium.start(375, 812)) {
			ChromeDriver browser = chromium.driver();
			browser.get("http://demo:demo@127.0.0.1:" + port + "/dashboard?journey=welcome");
			waitFor(browser, "the welcome journey's figures", "return document.body.dataset.shown === 'welcome'");
			assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
			assertThat(browser.findElement(By.cssSelector("label[for='journey']")).getText()).isEqualTo("Journey");
			assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
				.as("no sideways scrolling on a phone: the tables scroll inside their box")
				.isLessThanOrEqualTo((Long) browser.executeScript("return window.innerWidth"));
			chromium.screenshot("dashboard-phone");
		}
	}

	@Test
	void anAnonymousOrWrongLoginSeesNoData() {
		ApiClient anonymous = ApiClient.anonymous(port);
		for (String path : List.of("/dashboard", "/dashboard/dashboard.js", "/api/journeys/welcome/stats/daily")) {
			HttpResponse<String> response = anonymous.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
			assertThat(response.body()).doesNotContain("Send welcome email").doesNotContain("<canvas");
		}
		// An unknown user rather than demo's wrong password: Camunda would hold demo back
		// for
		// seconds after a failed login, and the other tests log in as demo.
		assertThat(ApiClient.as(port, "nobody", "demo").get("/dashboard").statusCode()).isEqualTo(401);
		assertThat(api.get("/dashboard").body()).contains("<canvas id=\"funnel-chart\"");
	}

	private static void assertRowShows(WebElement row, JsonNode counts, JsonNode rates) {
		for (String figure : List.of("sent", "delivered", "opened", "clicked", "converted")) {
			assertThat(row.findElement(By.cssSelector("[data-figure='" + figure + "']")).getText())
				.as(figure + " of " + row.getAttribute("data-step"))
				.isEqualTo(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(counts.get(figure).asLong()));
		}
		for (String rate : List.of("delivery", "open", "click", "clickToOpen", "conversion", "unsubscribe")) {
			JsonNode value = rates.get(rate);
			assertThat(row.findElement(By.cssSelector("[data-rate='" + rate + "']")).getText())
				.as(rate + " rate of " + row.getAttribute("data-step"))
				.isEqualTo(value == null || value.isNull() ? "–" : percent(value.asDouble()));
		}
	}

	private static String percent(double fraction) {
		NumberFormat percent = NumberFormat.getPercentInstance(Locale.ENGLISH);
		percent.setMaximumFractionDigits(1);
		percent.setRoundingMode(RoundingMode.HALF_UP);
		return percent.format(fraction);
	}

	private static long chartCount(ChromeDriver browser, String canvasId, String expression) {
		Object value = browser.executeScript(
				"const chart = Chart.getChart(arguments[0]); return chart ? chart." + expression + " : null;",
				canvasId);
		assertThat(value).as("Chart.js has a chart on #" + canvasId).isNotNull();
		return ((Number) value).longValue();
	}

	/** Waits for the condition, failing with the page's status line. */
	private static void waitFor(ChromeDriver browser, String what, String condition) {
		Eventually.within(Duration.ofSeconds(20),
				() -> Boolean.TRUE.equals(browser.executeScript(condition)) ? "shown"
						: what + " not shown; status: " + browser.findElement(By.id("status")).getText(),
				"shown"::equals);
	}

	private String lastThirtyDays() {
		LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
		return "from=" + to.minusDays(30) + "&to=" + to;
	}

	private static String ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}
