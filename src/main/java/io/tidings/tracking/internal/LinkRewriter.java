package io.tidings.tracking.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Puts the open pixel into a mail's HTML and points its links at the click redirect. Only
 * absolute http(s) links are tracked; these never are: links marked
 * {@code data-tidings-track="false"}, mailto: and tel: (and every other scheme), relative
 * links and anchors, and our own signed links (unsubscribe, preferences, opt-in
 * confirmation, tracking), which must keep working as they are. The plain-text part's
 * links are replaced by the same tracked links when the HTML part tracked them, so an
 * opt-out in the HTML holds for the text too.
 */
final class LinkRewriter {

	static final String OPT_OUT = "data-tidings-track";

	private static final List<String> OWN_PATHS = List.of("/u/", "/preferences/", "/confirm/", "/t/");

	private static final Pattern TEXT_URL = Pattern.compile("https?://[^\\s<>\"()]+", Pattern.CASE_INSENSITIVE);

	private static final int MAX_URL_LENGTH = 4000;

	private final String publicBase;

	LinkRewriter(String publicUrl) {
		this.publicBase = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	String pixelUrl(String token) {
		return publicBase + "/t/o/" + token;
	}

	String clickUrl(String token) {
		return publicBase + "/t/c/" + token;
	}

	/**
	 * @param track gives the token of an original URL, storing it the first time; the
	 * caller makes one token per distinct URL of the mail
	 * @param neverTracked URLs left as they are wherever they point (the mail's
	 * unsubscribe link)
	 */
	Instrumented instrument(String html, String text, String openToken, Function<String, String> track,
			Set<String> neverTracked, boolean textLinks) {
		Document document = Jsoup.parse(html);
		document.outputSettings().prettyPrint(false);
		Map<String, String> tracked = new HashMap<>();
		for (Element link : document.select("a[href]")) {
			String url = link.attr("href").strip();
			if (!trackable(link, url, neverTracked)) {
				continue;
			}
			String clickUrl = tracked.computeIfAbsent(url, original -> clickUrl(track.apply(original)));
			link.attr("href", clickUrl);
		}
		document.body()
			.appendElement("img")
			.attr("src", pixelUrl(openToken))
			.attr("width", "1")
			.attr("height", "1")
			.attr("alt", "")
			.attr("data-text", "skip")
			.attr("style", "display:block;width:1px;height:1px;border:0;");
		String trackedText = textLinks ? replaceInText(text, tracked) : text;
		return new Instrumented(document.outerHtml(), trackedText, Map.copyOf(tracked));
	}

	private boolean trackable(Element link, String url, Set<String> neverTracked) {
		if ("false".equalsIgnoreCase(link.attr(OPT_OUT).strip()) || neverTracked.contains(url)
				|| url.length() > MAX_URL_LENGTH) {
			return false;
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return false;
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			return false;
		}
		return !isOwnSignedLink(url);
	}

	private boolean isOwnSignedLink(String url) {
		if (!url.regionMatches(true, 0, publicBase, 0, publicBase.length())) {
			return false;
		}
		String rest = url.substring(publicBase.length());
		return OWN_PATHS.stream().anyMatch(rest::startsWith);
	}

	/** Whole URLs only: a URL the HTML did not track stays as it is. */
	private static String replaceInText(String text, Map<String, String> tracked) {
		if (tracked.isEmpty() || text == null) {
			return text;
		}
		Matcher matcher = TEXT_URL.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String found = matcher.group();
			String url = found;
			String trailing = "";
			while (!tracked.containsKey(url) && !url.isEmpty()
					&& ".,;:!?'".indexOf(url.charAt(url.length() - 1)) >= 0) {
				trailing = url.charAt(url.length() - 1) + trailing;
				url = url.substring(0, url.length() - 1);
			}
			String replacement = tracked.containsKey(url) ? tracked.get(url) + trailing : found;
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * @param links the tracked link of each original URL
	 */
	record Instrumented(String html, String text, Map<String, String> links) {
	}

}
