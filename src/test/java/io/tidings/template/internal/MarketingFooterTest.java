package io.tidings.template.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.tidings.template.RenderedEmail;
import io.tidings.template.SenderProperties;
import io.tidings.template.TemplateProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every marketing mail carries the unsubscribe link and the sender's postal address
 * (CAN-SPAM), in its HTML and its text part. Finds every send step in every BPMN on the
 * classpath (bpmn/ and the test probes), takes its category (no {@code category} input,
 * or one that is an expression, counts as marketing), and renders its template in every
 * locale it has a file for, the way the send step does.
 */
class MarketingFooterTest {

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	static final String UNSUBSCRIBE_URL = "https://mail.shop.example/u/c2FtcGxl.k1.AAAAAAAAAAAAAAAAAAAAAA";

	static final String POSTAL_ADDRESS = "Tidings Test Ltd, 42 Example Road, 1234 AB Testville";

	static final SenderProperties SENDER = new SenderProperties("Tidings Test", POSTAL_ADDRESS);

	static final ThymeleafEmailTemplates templates = templates("classpath:/templates/");

	static List<SendStep> marketingSteps() throws Exception {
		List<SendStep> steps = new ArrayList<>();
		for (Resource bpmn : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
			steps.addAll(sendSteps(bpmn));
		}
		assertThat(steps).as("send steps in bpmn/").isNotEmpty();
		assertThat(steps).extracting(SendStep::bpmn).contains("welcome.bpmn", "announcement.bpmn");
		return steps.stream().filter(SendStep::marketing).filter(step -> !step.template().contains("${")).toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("marketingSteps")
	void everyMarketingTemplateCarriesTheUnsubscribeLinkAndThePostalAddress(SendStep step) throws Exception {
		List<String> problems = new ArrayList<>();
		List<Locale> locales = locales(step.template());
		assertThat(locales).as("template files for " + step).isNotEmpty();
		for (Locale locale : locales) {
			problems.addAll(footerProblems(templates.render(step.template(), locale, model(locale))));
		}

		assertThat(problems).as(step.toString()).isEmpty();
	}

	@Test
	void theCheckRejectsTemplatesThatBypassTheLayout() {
		ThymeleafEmailTemplates fixtures = templates("classpath:/footer-fixtures/");

		assertThat(footerProblems(fixtures.render("bare", Locale.ENGLISH, model(Locale.ENGLISH)))).containsExactly(
				"bare (en): HTML lacks the unsubscribe link", "bare (en): HTML lacks the postal address",
				"bare (en): text lacks the unsubscribe link", "bare (en): text lacks the postal address");
		assertThat(footerProblems(fixtures.render("address-only", Locale.ENGLISH, model(Locale.ENGLISH))))
			.containsExactly("address-only (en): HTML lacks the unsubscribe link",
					"address-only (en): text lacks the unsubscribe link");
	}

	@Test
	void thePreferencesLinkShowsWhenGivenAndTransactionalMailHasNoUnsubscribeLink() {
		Map<String, Object> marketing = new LinkedHashMap<>(model(Locale.ENGLISH));
		marketing.put("preferencesUrl", "https://mail.shop.example/preferences/c2FtcGxl");
		Map<String, Object> transactional = new LinkedHashMap<>(model(Locale.ENGLISH));
		transactional.put("unsubscribeUrl", null);

		RenderedEmail withPreferences = templates.render("welcome", Locale.ENGLISH, marketing);
		RenderedEmail withoutLinks = templates.render("welcome", Locale.ENGLISH, transactional);

		assertThat(withPreferences.html()).contains("href=\"https://mail.shop.example/preferences/c2FtcGxl\"")
			.contains(">Manage preferences<")
			.contains(">Unsubscribe from these emails<");
		assertThat(withPreferences.text())
			.contains("Manage preferences (https://mail.shop.example/preferences/c2FtcGxl)");
		assertThat(withoutLinks.html()).doesNotContain("Unsubscribe")
			.doesNotContain("Manage preferences")
			.contains(POSTAL_ADDRESS);
		assertThat(templates.render("welcome", Locale.ENGLISH, model(Locale.ENGLISH)).html())
			.doesNotContain("Manage preferences");
	}

	@Test
	void theFooterSpeaksTheMailsLanguage() {
		Map<String, String> unsubscribe = Map.of("ru", "Отписаться от этих писем", "nl", "Afmelden voor deze e-mails",
				"fr", "Se désabonner de ces e-mails", "zh", "退订此类邮件", "en", "Unsubscribe from these emails");
		unsubscribe.forEach((language, text) -> {
			Locale locale = Locale.forLanguageTag(language);
			RenderedEmail email = templates.render("welcome", locale, model(locale));
			assertThat(email.locale().getLanguage()).isEqualTo(language);
			assertThat(email.html()).as(language).contains(">" + text + "<");
			assertThat(email.text()).as(language).contains(text);
		});
	}

	/** What the footer of a marketing mail lacks, each naming the template and locale. */
	static List<String> footerProblems(RenderedEmail email) {
		String name = email.templateKey() + " (" + email.locale().toLanguageTag() + ")";
		List<String> problems = new ArrayList<>();
		if (!email.html().contains("href=\"" + UNSUBSCRIBE_URL + "\"")) {
			problems.add(name + ": HTML lacks the unsubscribe link");
		}
		if (!email.html().contains(POSTAL_ADDRESS)) {
			problems.add(name + ": HTML lacks the postal address");
		}
		if (!email.text().contains(UNSUBSCRIBE_URL)) {
			problems.add(name + ": text lacks the unsubscribe link");
		}
		if (!email.text().contains(POSTAL_ADDRESS)) {
			problems.add(name + ": text lacks the postal address");
		}
		return problems;
	}

	/** The locales the template has a file for: {@code key.html} is the default one. */
	static List<Locale> locales(String key) throws Exception {
		List<Locale> locales = new ArrayList<>();
		for (Resource file : new PathMatchingResourcePatternResolver()
			.getResources("classpath:/templates/mail/" + key + "*.html")) {
			String name = file.getFilename().replaceFirst("\\.html$", "");
			if (name.equals(key)) {
				locales.add(Locale.ENGLISH);
			}
			else if (name.startsWith(key + "_")) {
				locales.add(Locale.forLanguageTag(name.substring(key.length() + 1).replace('_', '-')));
			}
		}
		return locales;
	}

	static List<SendStep> sendSteps(Resource bpmn) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document;
		try (InputStream in = bpmn.getInputStream()) {
			document = factory.newDocumentBuilder().parse(in);
		}
		List<SendStep> steps = new ArrayList<>();
		NodeList all = document.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			if ("${sendEmail}".equals(element.getAttributeNS(CAMUNDA, "delegateExpression"))) {
				Map<String, String> inputs = inputs(element);
				steps.add(new SendStep(bpmn.getFilename(), element.getAttribute("id"), inputs.get("template"),
						inputs.get("category")));
			}
		}
		return steps;
	}

	private static Map<String, String> inputs(Element step) {
		Map<String, String> inputs = new LinkedHashMap<>();
		NodeList parameters = step.getElementsByTagNameNS(CAMUNDA, "inputParameter");
		for (int i = 0; i < parameters.getLength(); i++) {
			Element parameter = (Element) parameters.item(i);
			inputs.put(parameter.getAttribute("name"), parameter.getTextContent().strip());
		}
		return inputs;
	}

	private static Map<String, Object> model(Locale locale) {
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("id", "c-1");
		contact.put("email", "ann@example.com");
		contact.put("firstName", "Ann");
		contact.put("lastName", "Example");
		contact.put("locale", locale.toLanguageTag());
		contact.put("attributes", Map.of("plan", "free"));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("contact", contact);
		model.put("data", Map.of("couponCode", "BDAY-7K3M-9QXT-4HRW", "years", 3));
		model.put("journey", Map.of("key", "sample", "step", "Send", "instanceId", "p-1"));
		model.put("unsubscribeUrl", UNSUBSCRIBE_URL);
		return model;
	}

	private static ThymeleafEmailTemplates templates(String location) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.refresh();
		return new ThymeleafEmailTemplates(context, new TemplateProperties(location, Locale.ENGLISH, true), SENDER);
	}

	/**
	 * @param category the step's {@code category} input: null (marketing), a topic, an
	 * expression, or {@code transactional}
	 */
	record SendStep(String bpmn, String stepId, String template, String category) {

		boolean marketing() {
			return !"transactional".equalsIgnoreCase(category);
		}

		@Override
		public String toString() {
			return bpmn + " " + stepId + " (template " + template + ", "
					+ (category == null ? "no category: marketing" : category) + ")";
		}

	}

}
