package io.tidings.template.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tidings.template.RenderedEmail;
import io.tidings.template.SenderProperties;
import io.tidings.template.TemplateProperties;
import io.tidings.template.TemplateRenderingFailed;
import io.tidings.template.UnknownTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renders every email template under templates/mail against fixture data, the way the
 * send step does.
 */
class MailTemplatesTest {

	static final ThymeleafEmailTemplates templates = templates();

	static List<String> templateFiles() throws IOException {
		List<String> names = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath:/templates/mail/**/*.html")) {
			names.add(resource.getFilename().replaceFirst("\\.html$", ""));
		}
		assertThat(names).isNotEmpty();
		return names;
	}

	@ParameterizedTest
	@MethodSource("templateFiles")
	void everyTemplateRendersSubjectHtmlAndText(String file) {
		String[] keyAndLocale = file.split("_", 2);
		Locale locale = keyAndLocale.length > 1 ? Locale.forLanguageTag(keyAndLocale[1].replace('_', '-'))
				: Locale.ENGLISH;

		RenderedEmail email = templates.render(keyAndLocale[0], locale, model("Ann"));

		assertThat(email.subject()).isNotBlank().doesNotContain("\n").doesNotContain("${");
		assertThat(email.html()).contains("<meta name=\"viewport\"")
			.doesNotContain("${")
			.doesNotContainPattern("\\sth:[a-z]+=");
		assertThat(email.text()).isNotBlank().doesNotContain("<").doesNotContain("${");
		assertThat(email.subject() + email.text()).contains("Ann");
	}

	@Test
	void aMissingFirstNameStillReadsWell() {
		RenderedEmail email = templates.render("welcome", Locale.ENGLISH, model(null));

		assertThat(email.subject()).isEqualTo("Welcome aboard, friend!");
		assertThat(email.text()).startsWith("Hi there, welcome aboard!");
	}

	@Test
	void contactDataIsShownAsTextAndNeverEvaluated() {
		String hostile = "${T(java.lang.Runtime).getRuntime().exec('id')} __${7*7}__ [[${7*7}]] <script>alert(1)</script>";

		RenderedEmail email = templates.render("welcome", Locale.ENGLISH, model(hostile));

		assertThat(email.subject()).contains("${T(java.lang.Runtime)").contains("__${7*7}__").doesNotContain("49");
		assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain(">49<");
		assertThat(email.text()).contains("[[${7*7}]]").contains("<script>alert(1)</script>");
	}

	@Test
	void translationsAreTheLocalesATemplateHasAFileIn() {
		assertThat(templates.translations("welcome")).extracting(Locale::toLanguageTag)
			.containsExactly("en", "fr", "nl", "ru", "zh");
		assertThat(templates.translations("announcement")).containsExactly(Locale.ENGLISH);
		assertThat(templates.translations("welcome-check-in")).as("not the welcome template's")
			.extracting(Locale::toLanguageTag)
			.containsExactly("en", "fr", "nl", "ru", "zh");
		assertThat(templates.translations("no-such-template")).isEmpty();
		assertThat(templates.translations("../layouts/email")).isEmpty();
		assertThat(templates.translations(null)).isEmpty();
	}

	@Test
	void unknownOrUnsafeKeysAreUnknownTemplates() {
		for (String key : Arrays.asList("no-such-template", "../application", "welcome/../../pages/dev/mailbox", "")) {
			assertThatThrownBy(() -> templates.render(key, Locale.ENGLISH, model("Ann")))
				.isInstanceOf(UnknownTemplate.class);
		}
	}

	@Test
	void aVariableTheModelLacksFailsNamingTheFileAndLine() {
		Map<String, Object> withoutData = new LinkedHashMap<>(model("Ann"));
		withoutData.put("data", Map.of());

		assertThatThrownBy(() -> templates.render("confirm-subscription", Locale.forLanguageTag("nl"), withoutData))
			.isInstanceOfSatisfying(TemplateRenderingFailed.class, failure -> {
				assertThat(failure.templateName()).isEqualTo("mail/confirm-subscription_nl");
				assertThat(failure.line()).isPositive();
				assertThat(failure.getMessage()).contains("confirmUrl").contains("line " + failure.line());
			});
	}

	@Test
	void fallsBackFromRegionToLanguageToDefault() {
		RenderedEmail email = templates.render("welcome", Locale.forLanguageTag("en-GB"), model("Ann"));

		assertThat(email.locale()).isEqualTo(Locale.ENGLISH);
	}

	private static Map<String, Object> model(String firstName) {
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("id", "c-1");
		contact.put("email", "ann@example.com");
		contact.put("firstName", firstName);
		contact.put("attributes", Map.of("plan", "free"));
		return Map.of(
				"contact", contact, "data", Map.of("confirmUrl", "https://mail.shop.example/confirm/t0k3n",
						"couponCode", "BDAY-7K3M-9QXT-4HRW", "years", 3),
				"journey", Map.of("key", "welcome", "step", "Send"));
	}

	private static ThymeleafEmailTemplates templates() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.refresh();
		return new ThymeleafEmailTemplates(context,
				new TemplateProperties("classpath:/templates/", Locale.ENGLISH, true),
				new SenderProperties("Tidings", "1 Test Street, Testville"));
	}

}
