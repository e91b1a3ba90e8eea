package io.tidings.delivery.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Delivery status reports as real mail servers write them (src/test/resources/dsn), and
 * mail that only looks a little like one.
 */
class DsnReportsTest {

	static final Session SESSION = Session.getInstance(new Properties());

	@Test
	void postfixUserUnknownNamesTheReturnedMessage() throws Exception {
		assertThat(DsnReports.read(sample("postfix-user-unknown.eml")))
			.containsExactly(new ReportedBounce("<3f2b6c1e-8a4d-4f0e-9a51-2d7c9e5b1a01@tidings.localhost>",
					"gone@example.net", "5.1.1", "failed",
					"550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown in virtual mailbox table"))
			.allMatch(ReportedBounce::permanent);
	}

	@Test
	void exchangeReportWithHeadersOnlyAndOddCasing() throws Exception {
		assertThat(DsnReports.read(sample("exchange-recipient-not-found.eml")))
			.containsExactly(new ReportedBounce("<9d41e7a0-52c6-4b8e-8f3d-6c1b2a7e4f10@tidings.localhost>",
					"Nobody@Contoso.com", "5.1.10", "failed",
					"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"))
			.allMatch(ReportedBounce::permanent);
	}

	@Test
	void gmailReportWithoutTheMessageIsTiedByInReplyTo() throws Exception {
		var bounces = DsnReports.read(sample("gmail-no-such-user.eml"));

		assertThat(bounces).singleElement().satisfies((bounce) -> {
			assertThat(bounce.originalMessageId())
				.isEqualTo("<0b7e5d22-3c19-4f4a-a1d8-5e6f7a8b9c0d@tidings.localhost>");
			assertThat(bounce.recipient()).isEqualTo("nobody.here.at.all@gmail.com");
			assertThat(bounce.permanent()).isTrue();
			assertThat(bounce.diagnostic()).startsWith("550-5.1.1 The email account that you tried to reach")
				.endsWith("gsmtp")
				.doesNotContain("\n");
		});
	}

	@Test
	void everyRecipientOfAMultiRecipientReportAndOnlyTheFailedOnesArePermanent() throws Exception {
		var bounces = DsnReports.read(sample("sendmail-three-recipients.eml"));

		assertThat(bounces)
			.extracting(ReportedBounce::originalMessageId, ReportedBounce::recipient, ReportedBounce::status,
					ReportedBounce::action, ReportedBounce::permanent)
			.containsExactly(
					tuple("<5c8d2f10-77a3-4e5b-b6c1-9f0e1d2c3b4a@tidings.localhost>", "Bob@Example.org", "5.1.1",
							"failed", true),
					tuple("<5c8d2f10-77a3-4e5b-b6c1-9f0e1d2c3b4a@tidings.localhost>", "carol@example.org", "5.2.2",
							"failed", true),
					tuple("<5c8d2f10-77a3-4e5b-b6c1-9f0e1d2c3b4a@tidings.localhost>", "dave@example.org", "4.3.0",
							"delayed", false));
	}

	@Test
	void aDelayReportIsReadButIsNoBounce() throws Exception {
		assertThat(DsnReports.read(sample("postfix-delayed.eml"))).singleElement().satisfies((report) -> {
			assertThat(report.originalMessageId())
				.isEqualTo("<e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b@tidings.localhost>");
			assertThat(report.action()).isEqualTo("delayed");
			assertThat(report.status()).isEqualTo("4.4.7");
			assertThat(report.permanent()).isFalse();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "out-of-office.eml", "malformed-report.eml" })
	void mailThatIsNoReadableReportYieldsNothing(String name) throws Exception {
		assertThat(DsnReports.read(sample(name))).isEmpty();
	}

	@Test
	void aFailureWithATemporaryStatusIsNoHardBounce() throws Exception {
		assertThat(DsnReports.read(report("""
				Final-Recipient: rfc822; full@example.org
				Action: failed
				Status: 4.4.7
				""", "In-Reply-To: <gave-up@tidings.localhost>"))).singleElement()
			.satisfies((report) -> assertThat(report.permanent()).isFalse());
	}

	@Test
	void aStatusPartWithoutRecipientsYieldsNothing() throws Exception {
		assertThat(DsnReports.read(report("""
				Reporting-MTA: dns; mx.example.net
				this line is no field at all
				""", "In-Reply-To: <x@tidings.localhost>"))).isEmpty();
	}

	@Test
	void aReportThatDoesNotSayWhichMailItIsAboutYieldsNothing() throws Exception {
		assertThat(DsnReports.read(report("""
				Final-Recipient: rfc822; gone@example.net
				Action: failed
				Status: 5.1.1
				""", "X-Nothing: here"))).isEmpty();
	}

	@Test
	void referencesNameTheMailByItsLastIdAndBareIdsGetBrackets() throws Exception {
		String status = """
				Final-Recipient: rfc822; <gone@example.net>
				Action: failed
				Status: 5.1.1
				""";

		assertThat(DsnReports.read(report(status, "References: <thread@example.com>\r\n <ours@tidings.localhost>")))
			.extracting(ReportedBounce::originalMessageId)
			.containsExactly("<ours@tidings.localhost>");
		assertThat(DsnReports.read(report(status, "In-Reply-To: ours@tidings.localhost")))
			.extracting(ReportedBounce::originalMessageId, ReportedBounce::recipient, ReportedBounce::diagnostic)
			.containsExactly(tuple("<ours@tidings.localhost>", "gone@example.net", "5.1.1"));
	}

	@Test
	void recipientGroupsMaySeparateByWhitespaceOnlyLinesAndUseCrlf() throws Exception {
		String status = "Final-Recipient: rfc822; a@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n \t\r\n"
				+ "Final-Recipient: rfc822; b@example.org\r\nAction: failed\r\nStatus: 5.7.1\r\n";

		assertThat(DsnReports.read(report(status, "In-Reply-To: <ours@tidings.localhost>")))
			.extracting(ReportedBounce::recipient, ReportedBounce::status)
			.containsExactly(tuple("a@example.org", "5.1.1"), tuple("b@example.org", "5.7.1"));
	}

	@Test
	void aReadReceiptIsNoDeliveryReport() throws Exception {
		String receipt = """
				From: ann@example.com
				Subject: Read: Welcome aboard
				In-Reply-To: <ours@tidings.localhost>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=disposition-notification; boundary="b"

				--b
				Content-Type: message/disposition-notification

				Final-Recipient: rfc822; ann@example.com
				Original-Message-ID: <ours@tidings.localhost>
				Disposition: manual-action/MDN-sent-manually; displayed

				--b--
				""";

		assertThat(DsnReports.read(parse(receipt))).isEmpty();
	}

	static MimeMessage report(String status, String extraHeader) throws Exception {
		return parse("""
				From: MAILER-DAEMON@mx.example.net
				Subject: Undelivered Mail Returned to Sender
				%s
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b"

				--b
				Content-Type: text/plain

				Your mail could not be delivered.
				--b
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example.net

				%s
				--b--
				""".formatted(extraHeader, status));
	}

	static MimeMessage parse(String raw) throws Exception {
		return new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
	}

	static MimeMessage sample(String name) throws Exception {
		try (InputStream in = DsnReportsTest.class.getResourceAsStream("/dsn/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new MimeMessage(SESSION, in);
		}
	}

}
