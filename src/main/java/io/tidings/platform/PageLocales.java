package io.tidings.platform;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of the pages recipients see: the contact's own locale when the page knows
 * its contact (a controller calls {@link #use}), else the browser's Accept-Language among
 * the languages the pages are written in, else English.
 */
public class PageLocales implements LocaleResolver {

	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
			Locale.forLanguageTag("nl"), Locale.FRENCH, Locale.CHINESE);

	private static final String ATTRIBUTE = PageLocales.class.getName() + ".locale";

	private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

	PageLocales() {
		browser.setSupportedLocales(SUPPORTED);
		browser.setDefaultLocale(Locale.ENGLISH);
	}

	/**
	 * Pages of this request speak the contact's language, if the pages are written in it.
	 */
	public static void use(HttpServletRequest request, Locale contactLocale) {
		if (contactLocale != null && SUPPORTED.stream()
			.anyMatch(supported -> supported.getLanguage().equals(contactLocale.getLanguage()))) {
			request.setAttribute(ATTRIBUTE, Locale.forLanguageTag(contactLocale.getLanguage()));
		}
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof Locale chosen ? chosen : browser.resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		request.setAttribute(ATTRIBUTE, locale);
	}

}
