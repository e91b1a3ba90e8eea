package io.tidings.template.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidings.template.EmailTemplates;
import io.tidings.template.RenderedEmail;
import io.tidings.template.SenderProperties;
import io.tidings.template.TemplateHasNoSubject;
import io.tidings.template.TemplateProperties;
import io.tidings.template.TemplateRenderingFailed;
import io.tidings.template.UnknownTemplate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.context.ApplicationContext;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Service;

/**
 * Renders email templates with an engine of their own: it sees only the model it is given
 * (no Spring beans, no request), and contact data reaches it as variables, so it is
 * escaped and never evaluated. Every render also gets {@code sender} (name, postal
 * address) for the footer, {@code format} ({@link MailFormats}: amounts, dates and links
 * from event data, in the mail's locale), and the layout's texts ({@code #{footer.*}})
 * come from {@code layouts/email*.properties} next to the templates, in the mail's
 * locale.
 */
@Service
class ThymeleafEmailTemplates implements EmailTemplates {

	/** {@code <name>_<lang>.html} or {@code <name>_<lang>_<COUNTRY>.html}. */
	private static final Pattern TRANSLATION = Pattern.compile("(.+)_([a-z]{2,3}(?:_[A-Z]{2})?)\\.html");

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*");

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final ResourceLoader resources;

	private final TemplateProperties properties;

	private final Map<String, Optional<String>> resolved = new ConcurrentHashMap<>();

	private final Map<String, Object> sender = new HashMap<>();

	ThymeleafEmailTemplates(ApplicationContext context, TemplateProperties properties, SenderProperties sender) {
		this.resources = context;
		this.properties = properties;
		this.sender.put("name", sender.name());
		this.sender.put("postalAddress", sender.postalAddress());
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setApplicationContext(context);
		resolver.setPrefix(location());
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(properties.cache());
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages(context));
		engine.setEnableSpringELCompiler(true);
	}

	@Override
	public RenderedEmail render(String templateKey, Locale locale, Map<String, Object> model) {
		Locale wanted = locale != null ? locale : properties.defaultLocale();
		String name = resolve(templateKey, wanted).orElseThrow(() -> new UnknownTemplate(templateKey));
		Map<String, Object> variables = new HashMap<>(model);
		variables.putIfAbsent("sender", sender);
		variables.put("format", new MailFormats(wanted));
		Context context = new Context(wanted, variables);
		String html = process(name, context);
		Document document = Jsoup.parse(html);
		String subject = document.title().replaceAll("\\s+", " ").strip();
		if (subject.isEmpty()) {
			throw new TemplateHasNoSubject(name);
		}
		return new RenderedEmail(templateKey, localeOf(name, templateKey), subject, html,
				HtmlToText.convert(document.body()));
	}

	private String process(String name, Context context) {
		try {
			return engine.process(name, context);
		}
		catch (TemplateProcessingException ex) {
			throw new TemplateRenderingFailed(ex.getTemplateName() != null ? ex.getTemplateName() : name,
					ex.hasLineAndCol() ? ex.getLine() : 0, ex.hasLineAndCol() ? ex.getCol() : 0, reason(ex), ex);
		}
	}

	/** The innermost message says what was wrong; Thymeleaf's own only repeats where. */
	private static String reason(Throwable failure) {
		String reason = failure.getMessage();
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				reason = cause.getMessage();
			}
		}
		return reason;
	}

	@Override
	public boolean exists(String templateKey) {
		return resolve(templateKey, properties.defaultLocale()).isPresent();
	}

	@Override
	public Set<Locale> translations(String templateKey) {
		if (templateKey == null || !KEY.matcher(templateKey).matches()) {
			return Set.of();
		}
		Set<Locale> locales = new TreeSet<>(Comparator.comparing(Locale::toLanguageTag));
		if (resources.getResource(location() + "mail/" + templateKey + ".html").exists()) {
			locales.add(properties.defaultLocale());
		}
		try {
			for (Resource file : ResourcePatternUtils.getResourcePatternResolver(resources)
				.getResources(location() + "mail/" + templateKey + "_*.html")) {
				Matcher suffix = TRANSLATION.matcher(file.getFilename());
				if (suffix.matches()
						&& suffix.group(1).equals(templateKey.substring(templateKey.lastIndexOf('/') + 1))) {
					locales.add(localeOf("mail/" + templateKey + "_" + suffix.group(2), templateKey));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the translations of template '" + templateKey + "'", ex);
		}
		return locales;
	}

	private Optional<String> resolve(String templateKey, Locale locale) {
		if (templateKey == null || !KEY.matcher(templateKey).matches()) {
			return Optional.empty();
		}
		String cacheKey = templateKey + '|' + locale.toLanguageTag();
		if (!properties.cache()) {
			return firstExisting(templateKey, locale);
		}
		return resolved.computeIfAbsent(cacheKey, key -> firstExisting(templateKey, locale));
	}

	private Optional<String> firstExisting(String templateKey, Locale locale) {
		for (String candidate : candidates(templateKey, locale)) {
			if (resources.getResource(location() + candidate + ".html").exists()) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static List<String> candidates(String templateKey, Locale locale) {
		String base = "mail/" + templateKey;
		List<String> names = new ArrayList<>();
		if (!locale.getCountry().isEmpty()) {
			names.add(base + "_" + locale.getLanguage() + "_" + locale.getCountry());
		}
		if (!locale.getLanguage().isEmpty()) {
			names.add(base + "_" + locale.getLanguage());
		}
		names.add(base);
		return names;
	}

	private Locale localeOf(String name, String templateKey) {
		String suffix = name.substring(("mail/" + templateKey).length());
		return suffix.isEmpty() ? properties.defaultLocale()
				: Locale.forLanguageTag(suffix.substring(1).replace('_', '-'));
	}

	private ReloadableResourceBundleMessageSource messages(ResourceLoader loader) {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		messages.setResourceLoader(loader);
		messages.setBasename(location() + "layouts/email");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		messages.setCacheSeconds(properties.cache() ? -1 : 0);
		return messages;
	}

	private String location() {
		String location = properties.location();
		return location.endsWith("/") ? location : location + "/";
	}

}
