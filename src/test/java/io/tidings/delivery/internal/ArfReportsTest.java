package io.tidings.delivery.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.tidings.delivery.MalformedFeedbackReport;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Feedback-loop reports shaped like those mailbox providers send
 * (src/test/resources/arf), over HTTP and from the bounce mailbox, and bodies that are no
 * such report.
 */
class ArfReportsTest {

	static final Session SESSION = Session.getInstance(new Properties());

	@Test
	void yahooStyleReportWithTheWholeMessage() throws Exception {
		FeedbackReport report = ArfReports.parse(bytes("yahoo-abuse-full-message.eml"), "message/rfc822");

		assertThat(report.feedbackType()).isEqualTo("abuse");
		assertThat(report.complaint()).isTrue();
		assertThat(report.userAgent()).isEqualTo("Yahoo!-Mail-Feedback/2.0");
		assertThat(report.originalMessageId()).isEqualTo("<7c0f3d2a-5b8e-4c1d-9e2f-a1b2c3d4e5f6@tidings.localhost>");
		assertThat(report.recipients()).containsExactly("ann@yahoo.example");
		assertThat(report.unsubscribeUrl()).isEqualTo("https://mail.shop.example/u/dS1hbm4.k1.AAAAAAAAAAAAAAAAAAAAAA");
		assertThat(report.unsubscribeToken()).isEqualTo("dS1hbm4.k1.AAAAAAAAAAAAAAAAAAAAAA");
		assertThat(report.reportedDomain()).isEqualTo("tidings.localhost");
		assertThat(report.arrivalDate()).isEqualTo("Tue, 14 Oct 2025 09:11:02 +0000");
	}

	@Test
	void headersOnlyReportWithUpperCaseFieldsAndAFraudType() throws Exception {
		FeedbackReport report = ArfReports.parse(bytes("headers-only-abuse.eml"), "text/plain; charset=us-ascii");

		assertThat(report.feedbackType()).isEqualTo("fraud");
		assertThat(report.complaint()).isTrue();
		assertThat(report.userAgent()).isEqualTo("ExampleISP-FBL/1.4");
		assertThat(report.originalMessageId()).isEqualTo("<2d4e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f@tidings.localhost>");
		assertThat(report.recipients()).as("Original-Rcpt-To, Removal-Recipient and To, each address once")
			.containsExactly("Bea@Example-ISP.net");
		assertThat(report.unsubscribeUrl()).isNull();
		assertThat(report.arrivalDate()).isEqualTo("Wed, 15 Oct 2025 18:31:54 +0000");
	}

	@Test
	void redactedRecipientStillNamesTheMessageAndTheUnsubscribeLink() throws Exception {
		FeedbackReport report = ArfReports.parse(bytes("redacted-recipient.eml"), "message/rfc822");

		assertThat(report.complaint()).isTrue();
		assertThat(report.userAgent()).isEqualTo("AOL SComp");
		assertThat(report.originalMessageId()).isEqualTo("<9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d@tidings.localhost>");
		assertThat(report.unsubscribeToken()).isEqualTo("dS1jYXJs.k1.BBBBBBBBBBBBBBBBBBBBBB");
		assertThat(report.recipients()).containsExactly("redacted@aol.com");
		assertThat(report.arrivalDate()).as("Received-Date, the older name")
			.isEqualTo("Thu, 16 Oct 2025 07:01:19 -0400");
	}

	@Test
	void notSpamIsReadButIsNoComplaint() throws Exception {
		FeedbackReport report = ArfReports.parse(bytes("not-spam.eml"), "message/rfc822");

		assertThat(report.feedbackType()).isEqualTo("not-spam");
		assertThat(report.complaint()).isFalse();
		assertThat(report.originalMessageId()).isEqualTo("<4b3a2918-0f7e-4d6c-9b5a-483726150f4e@tidings.localhost>");
	}

	@Test
	void theReportBodyAloneWithItsOwnMultipartReportType() throws Exception {
		String whole = new String(bytes("not-spam.eml"), StandardCharsets.UTF_8);
		String body = whole.substring(whole.indexOf("\n\n") + 2);

		FeedbackReport report = ArfReports.parse(body.getBytes(StandardCharsets.UTF_8),
				"multipart/report; report-type=feedback-report; boundary=\"part-ns\"");

		assertThat(report.feedbackType()).isEqualTo("not-spam");
		assertThat(report.recipients()).containsExactly("dan@mail.example.org");
	}

	@Test
	void aReportForwardedAsAnAttachmentIsFound() throws Exception {
		String forwarded = """
				From: Postmaster <postmaster@tidings.localhost>
				To: fbl@tidings.localhost
				Subject: Fwd: Complaint
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="fwd"

				--fwd
				Content-Type: text/plain

				Forwarded by the relay.
				--fwd
				Content-Type: message/rfc822

				""" + new String(bytes("yahoo-abuse-full-message.eml"), StandardCharsets.UTF_8) + "\n--fwd--\n";

		FeedbackReport report = ArfReports.parse(forwarded.getBytes(StandardCharsets.UTF_8), "message/rfc822");

		assertThat(report.originalMessageId()).isEqualTo("<7c0f3d2a-5b8e-4c1d-9e2f-a1b2c3d4e5f6@tidings.localhost>");
	}

	@Test
	void aReportWithoutItsFeedbackPartSaysSo() throws Exception {
		assertThatThrownBy(() -> ArfReports.parse(bytes("malformed-no-feedback-part.eml"), "message/rfc822"))
			.isInstanceOf(MalformedFeedbackReport.class)
			.hasMessageContaining("no message/feedback-report part");
		assertThat(ArfReports.read(sample("malformed-no-feedback-part.eml"))).isEmpty();
	}

	@Test
	void whatIsNoReportSaysWhatItIs() {
		assertThatThrownBy(() -> ArfReports.parse(new byte[0], "message/rfc822")).hasMessageContaining("empty");
		assertThatThrownBy(() -> ArfReports.parse(" \r\n".getBytes(StandardCharsets.US_ASCII), "message/rfc822"))
			.hasMessageContaining("empty");
		assertThatThrownBy(() -> ArfReports
			.parse("this is not mail at all\n\u0000\u0001 garbage".getBytes(StandardCharsets.ISO_8859_1), "text/plain"))
			.isInstanceOf(MalformedFeedbackReport.class)
			.hasMessageContaining("not a MIME message");
		assertThatThrownBy(() -> ArfReports.parse("""
				From: someone@example.org
				Subject: hello
				Content-Type: text/plain

				Just a mail.
				""".getBytes(StandardCharsets.US_ASCII), "message/rfc822"))
			.hasMessageContaining("expected multipart/report; report-type=feedback-report")
			.hasMessageContaining("got text/plain");
		assertThatThrownBy(() -> ArfReports.parse(
				DsnReportsTest.class.getResourceAsStream("/dsn/postfix-user-unknown.eml").readAllBytes(),
				"message/rfc822"))
			.hasMessageContaining("report-type=delivery-status");
		assertThatThrownBy(() -> ArfReports.parse(
				"--x\r\nContent-Type: text/plain\r\n\r\nhi\r\n--x--\r\n".getBytes(StandardCharsets.US_ASCII),
				"multipart/report; report-type=feedback-report; boundary=x"))
			.hasMessageContaining("no message/feedback-report part");
	}

	@Test
	void aFeedbackPartWithoutFeedbackTypeIsRefused() {
		String report = """
				From: fbl@example.org
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=feedback-report; boundary="b"

				--b
				Content-Type: text/plain

				Abuse.
				--b
				Content-Type: message/feedback-report

				User-Agent: Something/1.0
				Version: 1

				--b--
				""";

		assertThatThrownBy(() -> ArfReports.parse(report.getBytes(StandardCharsets.US_ASCII), "message/rfc822"))
			.hasMessageContaining("no Feedback-Type");
	}

	@Test
	void theMailboxReaderNeverThrows() throws Exception {
		assertThat(ArfReports.read(sample("redacted-recipient.eml")))
			.hasValueSatisfying((report) -> assertThat(report.feedbackType()).isEqualTo("abuse"));
		assertThat(ArfReports.read(DsnReportsTest.sample("out-of-office.eml"))).isEmpty();
	}

	static byte[] bytes(String name) throws Exception {
		try (InputStream in = ArfReportsTest.class.getResourceAsStream("/arf/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

	static MimeMessage sample(String name) throws Exception {
		try (InputStream in = ArfReportsTest.class.getResourceAsStream("/arf/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new MimeMessage(SESSION, in);
		}
	}

}
