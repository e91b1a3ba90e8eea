package io.tidings.delivery.internal;

import java.net.ConnectException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpOutcomeTest {

	@Test
	void aPermanentRecipientRejectionIsABounce() throws Exception {
		var rejected = new SMTPAddressFailedException(new InternetAddress("gone@example.com"), "RCPT TO", 550,
				"550 5.1.1 User unknown");
		var failure = new SendFailedException("Invalid Addresses", rejected);

		SmtpOutcome outcome = SmtpOutcome.of(failure);

		assertThat(outcome.permanent()).isTrue();
		assertThat(outcome.reply()).contains("550 5.1.1 User unknown");
	}

	@Test
	void aTemporaryRejectionIsRetried() {
		var failure = new SMTPSendFailedException("DATA", 451, "451 4.3.0 Try again later", null, null, null, null);

		assertThat(SmtpOutcome.of(failure).permanent()).isFalse();
	}

	@Test
	void aConnectionFailureIsRetried() {
		var failure = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));

		SmtpOutcome outcome = SmtpOutcome.of(failure);

		assertThat(outcome.permanent()).isFalse();
		assertThat(outcome.kind()).isEqualTo(SmtpOutcome.Kind.UNREACHABLE);
		assertThat(outcome.reply()).contains("Couldn't connect");
	}

	@Test
	void aRefusedSenderIsRetriedNotBounced() throws Exception {
		var sender = new SMTPSenderFailedException(new InternetAddress("hello@shop.example"),
				"MAIL FROM:<hello@shop.example>", 553, "553 5.7.1 Sender address rejected");
		var failure = new SMTPSendFailedException("MAIL FROM:<hello@shop.example>", 553,
				"553 5.7.1 Sender address rejected", sender, null, null, null);

		SmtpOutcome outcome = SmtpOutcome.of(failure);

		assertThat(outcome.kind()).isEqualTo(SmtpOutcome.Kind.RETRY);
		assertThat(outcome.reply()).startsWith("Sender rejected").contains("553 5.7.1");
	}

	@Test
	void aRefusedMessageIsABounce() {
		var failure = new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message rejected as spam", null, null, null,
				null);

		assertThat(SmtpOutcome.of(failure).kind()).isEqualTo(SmtpOutcome.Kind.BOUNCE);
	}

	@Test
	void anUnreachableServerHoldsTheRestOfTheBatch() {
		var failure = new MailConnectException(
				new SocketConnectException("Couldn't connect", new ConnectException("refused"), "mx", 25, 10000));

		assertThat(SmtpOutcome.of(failure).kind()).isEqualTo(SmtpOutcome.Kind.UNREACHABLE);
		assertThat(SmtpOutcome.of(new MessagingException("x", new ConnectException("Connection refused"))).kind())
			.isEqualTo(SmtpOutcome.Kind.UNREACHABLE);
	}

}
