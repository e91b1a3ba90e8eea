package io.tidings.template.internal;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlToTextTest {

	@Test
	void keepsParagraphsListsAndLinkTargets() {
		String html = """
				<html><head><title>Subject</title><style>p { color: red }</style></head><body>
				<span data-text="skip">Preheader nobody should read twice</span>
				<h1>Hello   Ann</h1>
				<p>First line<br>second line</p>
				<ul><li>One</li><li>Two</li></ul>
				<p><a href="https://example.com/start">Open your account</a> or
				   <a href="https://example.com/">https://example.com/</a></p>
				</body></html>""";

		String text = HtmlToText.convert(Jsoup.parse(html).body());

		assertThat(text).isEqualTo("""
				Hello Ann

				First line
				second line

				- One
				- Two

				Open your account (https://example.com/start) or https://example.com/
				""");
	}

}
