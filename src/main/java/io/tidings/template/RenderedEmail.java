package io.tidings.template;

import java.util.Locale;

/**
 * An email ready for the wire: the subject (one line, no control characters), the HTML
 * body and its plain-text alternative, and the locale the template was actually rendered
 * in.
 */
public record RenderedEmail(String templateKey, Locale locale, String subject, String html, String text) {
}
