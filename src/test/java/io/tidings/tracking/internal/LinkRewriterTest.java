package io.tidings.tracking.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkRewriterTest {

	static final String BASE = "https://mail.shop.example";

	final LinkRewriter rewriter = new LinkRewriter(BASE + "/");

	final List<String> stored = new ArrayList<>();

	LinkRewriter.Instrumented instrument(String body, String text) {
		return rewriter.instrument(
				"<!DOCTYPE html><html><head><title>Hi</title></head><body>" + body + "</body></html>", text,
				"OPENTOKEN", url -> {
					stored.add(url);
					return "T" + stored.size();
				}, Set.of(BASE + "/u/abc.newsletter.k1.sig"), true);
	}

	static List<String> hrefs(String html) {
		Document document = Jsoup.parse(html);
		return document.select("a").eachAttr("href");
	}

	@Test
	void absoluteLinksPointAtTheirStoredTokenAndTheSameUrlSharesOne() {
		var result = instrument("""
				<a href="https://shop.example/cart?id=7&amp;utm=mail">Cart</a>
				<a href="http://shop.example/help">Help</a>
				<a href="https://shop.example/cart?id=7&amp;utm=mail">Cart again</a>""", "");

		assertThat(stored).containsExactly("https://shop.example/cart?id=7&utm=mail", "http://shop.example/help");
		assertThat(hrefs(result.html())).containsExactly(BASE + "/t/c/T1", BASE + "/t/c/T2", BASE + "/t/c/T1");
	}

	@Test
	void optedOutMailtoTelRelativeAndAnchorLinksStayAsTheyAre() {
		var result = instrument("""
				<a href="https://shop.example/private" data-tidings-track="false">Private</a>
				<a href="https://shop.example/also" data-tidings-track="FALSE">Also private</a>
				<a href="mailto:help@shop.example">Mail us</a>
				<a href="tel:+31201234567">Call</a>
				<a href="/relative/page">Relative</a>
				<a href="#top">Top</a>
				<a href="javascript:alert(1)">Script</a>
				<a href="https://shop.example/tracked" data-tidings-track="true">Tracked</a>""", "");

		assertThat(stored).containsExactly("https://shop.example/tracked");
		assertThat(hrefs(result.html())).containsExactly("https://shop.example/private", "https://shop.example/also",
				"mailto:help@shop.example", "tel:+31201234567", "/relative/page", "#top", "javascript:alert(1)",
				BASE + "/t/c/T1");
	}

	@Test
	void unsubscribePreferenceAndConfirmationLinksAreNeverRewritten() {
		var result = instrument("""
				<a href="https://mail.shop.example/u/abc.newsletter.k1.sig">Unsubscribe</a>
				<a href="https://mail.shop.example/preferences/abc.newsletter.k1.sig">Preferences</a>
				<a href="https://MAIL.shop.example/confirm/xyz">Confirm</a>
				<a href="https://other.example/u/abc.newsletter.k1.sig">Same path elsewhere</a>""", "");

		assertThat(hrefs(result.html())).startsWith("https://mail.shop.example/u/abc.newsletter.k1.sig",
				"https://mail.shop.example/preferences/abc.newsletter.k1.sig", "https://MAIL.shop.example/confirm/xyz");
		assertThat(stored).containsExactly("https://other.example/u/abc.newsletter.k1.sig");
	}

	@Test
	void entitiesInTheLinkAreStoredDecodedAndTheTextStaysIntact() {
		var result = instrument("""
				<p>Caf&eacute; &amp; more &mdash; “quoted” Привет</p>
				<a href="https://shop.example/search?q=a&amp;lang=fr&#38;x=1">Search</a>""", "");

		assertThat(stored).containsExactly("https://shop.example/search?q=a&lang=fr&x=1");
		assertThat(Jsoup.parse(result.html()).select("p").text()).isEqualTo("Café & more — “quoted” Привет");
	}

	@Test
	void aPixelWithTheOpenTokenEndsTheBodyAndIsLeftOutOfTheTextPart() {
		var result = instrument("<p>Hello</p>", "Hello\n");

		Element pixel = Jsoup.parse(result.html()).body().children().last();
		assertThat(pixel.tagName()).isEqualTo("img");
		assertThat(pixel.attr("src")).isEqualTo(BASE + "/t/o/OPENTOKEN");
		assertThat(pixel.attr("width")).isEqualTo("1");
		assertThat(pixel.attr("alt")).isEmpty();
		assertThat(result.html()).startsWith("<!doctype html>");
	}

	@Test
	void theTextPartGetsTheSameTrackedLinksButOnlyForUrlsTheHtmlTracked() {
		var result = instrument("""
				<a href="https://shop.example/cart">Cart</a>
				<a href="https://shop.example/private" data-tidings-track="false">Private</a>""", """
				Back to your cart (https://shop.example/cart).
				Private (https://shop.example/private)
				See https://shop.example/cart, or https://shop.example/cart/other
				Unsubscribe: https://mail.shop.example/u/abc.newsletter.k1.sig
				""");

		assertThat(result.text()).isEqualTo("""
				Back to your cart (https://mail.shop.example/t/c/T1).
				Private (https://shop.example/private)
				See https://mail.shop.example/t/c/T1, or https://shop.example/cart/other
				Unsubscribe: https://mail.shop.example/u/abc.newsletter.k1.sig
				""");
	}

	@Test
	void malformedLinksAreNotTracked() {
		var result = instrument("""
				<a href="https://shop.example/a b">Space</a>
				<a href="https:///nohost">No host</a>""", "");

		assertThat(stored).isEmpty();
		assertThat(hrefs(result.html())).containsExactly("https://shop.example/a b", "https:///nohost");
	}

}
