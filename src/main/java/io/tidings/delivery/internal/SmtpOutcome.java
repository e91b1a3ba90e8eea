package io.tidings.delivery.internal;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What an SMTP failure means for the delivery: a 5xx reply is permanent (a bounce),
 * anything else (4xx, a dropped connection, a time-out) is worth another try.
 */
record SmtpOutcome(boolean permanent, String reply) {

	static SmtpOutcome of(Exception failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			int code = replyCode(cause);
			if (code > 0) {
				return new SmtpOutcome(code >= 500, describe(cause));
			}
		}
		return new SmtpOutcome(false, describe(failure));
	}

	private static int replyCode(Throwable cause) {
		if (cause instanceof SMTPAddressFailedException failed) {
			return failed.getReturnCode();
		}
		if (cause instanceof SMTPSendFailedException failed) {
			return failed.getReturnCode();
		}
		return -1;
	}

	private static Throwable next(Throwable cause) {
		if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
			return messaging.getNextException();
		}
		return cause.getCause();
	}

	private static String describe(Throwable cause) {
		String message = cause.getMessage();
		return (message == null ? cause.getClass().getSimpleName() : message).strip();
	}

}
