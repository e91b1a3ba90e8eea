package io.tidings.template.internal;

import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Derives the plain-text alternative from the rendered HTML, so template authors write
 * one file. Blocks become paragraphs, list items get a dash, links keep their target in
 * brackets, and elements marked {@code data-text="skip"} (preheaders, spacers) are left
 * out.
 */
final class HtmlToText {

	private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
			"ul", "ol", "blockquote", "section", "header", "footer", "hr");

	private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title");

	private HtmlToText() {
	}

	static String convert(Element body) {
		StringBuilder out = new StringBuilder();
		NodeTraversor.traverse(new Visitor(out), body);
		return tidy(out.toString());
	}

	private static String tidy(String text) {
		String[] lines = text.replace('\u00a0', ' ').split("\n", -1);
		StringBuilder out = new StringBuilder();
		int blankRun = 0;
		for (String raw : lines) {
			String line = raw.replaceAll("[ \t]+", " ").strip();
			if (line.isEmpty()) {
				blankRun++;
				continue;
			}
			if (out.length() > 0) {
				out.append(blankRun > 0 ? "\n\n" : "\n");
			}
			out.append(line);
			blankRun = 0;
		}
		return out.append('\n').toString();
	}

	private record Visitor(StringBuilder out) implements NodeVisitor {

		@Override
		public void head(Node node, int depth) {
			if (node instanceof TextNode text && !insideSkipped(node)) {
				out.append(text.text());
			}
			else if (node instanceof Element element) {
				String tag = element.normalName();
				if (tag.equals("br")) {
					out.append('\n');
				}
				else if (tag.equals("li")) {
					out.append("\n- ");
				}
				else if (BLOCKS.contains(tag)) {
					out.append("\n\n");
				}
			}
		}

		@Override
		public void tail(Node node, int depth) {
			if (!(node instanceof Element element) || insideSkipped(node)) {
				return;
			}
			String tag = element.normalName();
			if (tag.equals("a")) {
				String href = element.attr("href");
				if (!href.isBlank() && !href.startsWith("#") && !href.equals(element.text().strip())) {
					out.append(" (").append(href).append(')');
				}
			}
			else if (BLOCKS.contains(tag)) {
				out.append("\n\n");
			}
		}

		private static boolean insideSkipped(Node node) {
			for (Node current = node; current != null; current = current.parentNode()) {
				if (current instanceof Element element
						&& (SKIPPED.contains(element.normalName()) || "skip".equals(element.attr("data-text")))) {
					return true;
				}
			}
			return false;
		}

	}

}
