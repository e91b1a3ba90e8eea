package io.tidings.delivery.internal;

import java.net.ConnectException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
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
		assertThat(outcome.reply()).contains("Couldn't connect");
	}

}
