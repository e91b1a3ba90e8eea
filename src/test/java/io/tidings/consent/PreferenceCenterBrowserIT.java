package io.tidings.consent;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import io.tidings.support.HeadlessChromium;
import io.tidings.support.PostgresApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preference center in a real browser (headless Chromium) against the running app on
 * PostgreSQL: it loads in the contact's language, a topic is unticked and saved, and a
 * reload shows the saved state; unsubscribing from all and ticking a topic again lifts
 * it. Screenshots are kept in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tidings.dev-mailbox.enabled=false", "tidings.delivery.workers=0" })
class PreferenceCenterBrowserIT extends PostgresApiTest {

	@Autowired
	UnsubscribeLinks links;

	@Test
	void toggleSaveAndReloadShowsTheSavedState() throws Exception {
		createContact("pc-ann", "ann.prefs@example.com", "en-GB");
		String page = pageOf("pc-ann");
		try (HeadlessChromium chromium = HeadlessChromium.start(1280, 900)) {
			ChromeDriver browser = chromium.driver();
			browser.get(page);
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Choose the email you get");
			assertThat(checked(browser)).containsEntry("newsletter", true)
				.containsEntry("promotions", true)
				.containsEntry("product-updates", true);
			chromium.screenshot("preferences-en-before");

			browser.findElement(By.cssSelector("label[for='topic-promotions']")).click();
			chromium.submit(By.cssSelector("button[value='save']"));

			assertThat(browser.findElement(By.cssSelector("[role='status']")).getText())
				.isEqualTo("Your preferences are saved.");
			browser.get(page);
			assertThat(checked(browser)).containsEntry("newsletter", true)
				.containsEntry("promotions", false)
				.containsEntry("product-updates", true);
			chromium.screenshot("preferences-en-saved");
		}
		Map<String, Object> state = jdbc.queryForMap(
				"SELECT status, source FROM topic_consents WHERE contact_id = 'pc-ann' AND topic = 'promotions'");
		assertThat(state).containsEntry("status", "UNSUBSCRIBED").containsEntry("source", "PREFERENCE_PAGE");
		Map<String, Object> record = jdbc
			.queryForMap("SELECT * FROM consent_records WHERE contact_id = 'pc-ann' AND topic = 'promotions'");
		assertThat(record).containsEntry("action", "UNSUBSCRIBED").containsEntry("source", "PREFERENCE_PAGE");
		// Saving with the other topics ticked is the contact's own consent to them.
		assertThat(jdbc.queryForList(
				"SELECT topic FROM consent_records WHERE contact_id = 'pc-ann' AND action = 'SUBSCRIBED' ORDER BY topic",
				String.class))
			.containsExactly("newsletter", "product-updates");
		assertThat((String) record.get("user_agent")).contains("HeadlessChrome");
		assertThat((String) record.get("ip")).isNotBlank();
	}

	@Test
	void unsubscribingFromAllAndTickingATopicAgainLiftsIt() throws Exception {
		createContact("pc-bob", "bob.prefs@example.com", "nl");
		String page = pageOf("pc-bob");
		try (HeadlessChromium chromium = HeadlessChromium.start(1280, 900)) {
			ChromeDriver browser = chromium.driver();
			browser.get(page);
			chromium.submit(By.cssSelector("button[value='unsubscribe-all']"));

			assertThat(browser.findElement(By.tagName("body")).getText())
				.contains("Je bent afgemeld voor alle marketingmails");
			assertThat(checked(browser).values()).containsOnly(false);
			assertThat(jdbc.queryForObject("SELECT reason FROM suppressions WHERE email = 'bob.prefs@example.com'",
					String.class))
				.isEqualTo("UNSUBSCRIBED");

			browser.findElement(By.id("topic-newsletter")).click();
			chromium.submit(By.cssSelector("button[value='save']"));
			browser.get(page);
			assertThat(checked(browser)).containsEntry("newsletter", true).containsEntry("promotions", false);
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM suppressions WHERE email = 'bob.prefs@example.com'",
				Integer.class))
			.isZero();
		assertThat(jdbc.queryForList(
				"SELECT action || ':' || coalesce(topic, 'all') FROM consent_records WHERE contact_id = 'pc-bob'",
				String.class))
			.contains("UNSUBSCRIBED:all", "SUBSCRIBED:newsletter", "RESUBSCRIBED:all", "UNSUBSCRIBED:promotions");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ru", "nl", "fr", "zh-CN" })
	void eachLanguageRendersAccessiblyOnAPhone(String locale) throws Exception {
		String id = "pc-" + locale.toLowerCase(Locale.ROOT);
		createContact(id, id + "@example.com", locale);
		ResourceBundle texts = ResourceBundle.getBundle("messages/pages", Locale.forLanguageTag(locale));
		ResourceBundle english = ResourceBundle.getBundle("messages/pages", Locale.ROOT);
		try (HeadlessChromium chromium = HeadlessChromium.start(375, 740)) {
			ChromeDriver browser = chromium.driver();
			browser.get(pageOf(id));

			String language = Locale.forLanguageTag(locale).getLanguage();
			assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
			String heading = browser.findElement(By.tagName("h1")).getText();
			assertThat(heading).isEqualTo(texts.getString("preferences.heading"));
			if (!language.equals("en")) {
				assertThat(heading).isNotEqualTo(english.getString("preferences.heading"));
			}
			for (WebElement box : browser.findElements(By.cssSelector("input[type='checkbox']"))) {
				WebElement label = browser.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"));
				assertThat(label.getText()).as("label of " + box.getAttribute("id")).isNotBlank();
				assertThat(box.getSize().getHeight()).as("tap target").isGreaterThanOrEqualTo(20);
			}
			assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
			Path shot = chromium.screenshot("preferences-" + locale + "-phone");
			assertThat(Files.size(shot)).isGreaterThan(1000);
			assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
				.as("no sideways scrolling on a phone")
				.isLessThanOrEqualTo((Long) browser.executeScript("return window.innerWidth"));
		}
	}

	@Test
	void aTamperedTokenGetsThePlainNotFoundPage() throws Exception {
		createContact("pc-cy", "cy.prefs@example.com", "fr");
		String page = pageOf("pc-cy");
		String tampered = page.substring(0, page.length() - 3) + (page.endsWith("AAA") ? "BBB" : "AAA");
		try (HeadlessChromium chromium = HeadlessChromium.start(1280, 900)) {
			ChromeDriver browser = chromium.driver();
			browser.get(tampered);
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not work");
			assertThat(browser.getPageSource()).doesNotContain("cy.prefs").doesNotContain("Exception");
		}
	}

	private Map<String, Boolean> checked(ChromeDriver browser) {
		Map<String, Boolean> state = new java.util.LinkedHashMap<>();
		for (WebElement box : browser.findElements(By.cssSelector("input[name='topic']"))) {
			state.put(box.getAttribute("value"), box.isSelected());
		}
		return state;
	}

	private String pageOf(String contactId) {
		return "http://127.0.0.1:" + port + URI.create(links.preferencesUrlFor(contactId, "newsletter")).getPath();
	}

	private void createContact(String id, String email, String locale) {
		var response = api.send(api.request("/api/contacts/" + id)
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"email\": \"" + email + "\", \"firstName\": \"Pat\", \"locale\": \"" + locale + "\"}")));
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
		assertThat(List.of(200, 201)).contains(response.statusCode());
	}

}
