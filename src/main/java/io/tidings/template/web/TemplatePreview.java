package io.tidings.template.web;

/**
 * A rendered template as a template author sees it.
 *
 * @param locale the locale the template was rendered in, after falling back from the one
 * asked for ({@code nl-BE} to {@code nl} to the default)
 * @param contact the id of the contact it was rendered for
 * @param sampleContact whether that contact is the made-up sample rather than a stored
 * one
 * @param category what the footer was rendered for: {@code transactional} (no links) or
 * the marketing topic (inert links)
 */
record TemplatePreview(String template, String locale, String contact, boolean sampleContact, String category,
		String subject, String html, String text) {
}
