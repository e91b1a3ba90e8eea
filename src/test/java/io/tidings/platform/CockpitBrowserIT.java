package io.tidings.platform;

import java.time.Duration;

import io.tidings.support.Eventually;
import io.tidings.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator logs in to Cockpit in headless Chromium with the narrowed engine surface
 * and the list bound active, and sees the process list and a journey's page with its
 * version list, the unbounded Cockpit query an engine-wide {@code queryMaxResultsLimit}
 * used to break. Screenshots go to target/screenshots/cockpit-*.png.
 * <p>
 * It starts its own application: Cockpit finds the engine by name in Camunda's JVM-wide
 * container, and a test that closed its application before (a {@code @DirtiesContext}
 * one) took the shared name {@code default} with it, so a cached application's Cockpit
 * answered 500.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class CockpitBrowserIT extends AccessTest {

	@Test
	void anOperatorSeesTheProcessListAndAJourneysVersions() throws Exception {
		try (HeadlessChromium chromium = HeadlessChromium.start(1400, 1000)) {
			ChromeDriver browser = chromium.driver();
			browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
			waitFor(browser, "the login form", "return !!document.querySelector('input[type=password]')");
			browser.findElement(By.cssSelector("input[type=text]")).sendKeys("demo");
			browser.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
			browser.findElement(By.cssSelector("button[type=submit]")).click();
			waitFor(browser, "the dashboard after login", "return !document.querySelector('input[type=password]')");

			browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
			waitFor(browser, "the process list with the welcome journey",
					"return [...document.querySelectorAll('a')].some(a => a.textContent.trim() === 'Welcome')");
			chromium.screenshot("cockpit-processes");
			assertThat(errors(browser)).isEmpty();

			browser.findElements(By.tagName("a"))
				.stream()
				.filter(link -> link.getText().trim().equals("Welcome"))
				.findFirst()
				.orElseThrow()
				.click();
			waitFor(browser, "the welcome journey's diagram",
					"return document.querySelectorAll('.djs-shape').length > 3"
							+ " && !document.body.innerText.includes('Loading diagram')");
			waitFor(browser, "the version list and running instances",
					"return /Definition Version:\\s*1/.test(document.body.innerText)"
							+ " && /Instances Running:\\s*current version:\\s*\\d/.test(document.body.innerText)");
			chromium.screenshot("cockpit-welcome");
			assertThat(errors(browser)).isEmpty();
			assertThat(browser.getPageSource()).doesNotContain("unbound number of results")
				.doesNotContain("Max results limit");
		}
	}

	private static String errors(ChromeDriver browser) {
		return String.valueOf(browser.executeScript(
				"return [...document.querySelectorAll('.notifications .alert-danger, .alert-error')].map(e => e.innerText).join(' | ')"));
	}

	private static void waitFor(ChromeDriver browser, String what, String condition) {
		Eventually.within(Duration.ofSeconds(90),
				() -> Boolean.TRUE.equals(browser.executeScript(condition)) ? "shown"
						: what + " not shown at " + browser.getCurrentUrl() + ": " + errors(browser) + " / "
								+ browser.executeScript("return document.body.innerText.slice(0, 600)"),
				"shown"::equals);
	}

}
