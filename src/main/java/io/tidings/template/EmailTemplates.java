package io.tidings.template;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The template module's public face: renders {@code templates/mail/<key>.html} for a
 * locale.
 */
public interface EmailTemplates {

	/**
	 * Renders the template in the closest locale it exists in
	 * ({@code <key>_<lang>_<COUNTRY>}, {@code <key>_<lang>}, then {@code <key>}). Model
	 * values are data: they are escaped, never evaluated.
	 * @throws UnknownTemplate when no file exists for the key
	 * @throws TemplateHasNoSubject when the rendered template has no non-empty
	 * {@code <title>}
	 * @throws TemplateRenderingFailed when the template cannot be rendered with this
	 * model (a broken expression, a variable the model lacks), naming the file and line
	 */
	RenderedEmail render(String templateKey, Locale locale, Map<String, Object> model);

	boolean exists(String templateKey);

	/**
	 * The locales the template has a file of its own in: the default locale for
	 * {@code <key>.html}, and the locale of each {@code <key>_<lang>.html} and
	 * {@code <key>_<lang>_<COUNTRY>.html}. Empty when no file exists for the key.
	 */
	Set<Locale> translations(String templateKey);

}
