package io.tidings.delivery.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * What an SMTP failure means for the delivery. A 5xx reply to the recipient or the
 * message is a bounce; a 5xx reply to our own sender address is our problem, not the
 * recipient's, so it is retried like a 4xx; a server that cannot be reached at all is
 * retried too, and tells the worker to leave the rest of its batch for later.
 */
record SmtpOutcome(Kind kind, String reply) {

	enum Kind {

		BOUNCE, RETRY, UNREACHABLE

	}

	boolean permanent() {
		return kind == Kind.BOUNCE;
	}

	static SmtpOutcome of(Exception failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (refusedSender(cause)) {
				return new SmtpOutcome(Kind.RETRY, "Sender rejected: " + describe(cause));
			}
		}
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			int code = replyCode(cause);
			if (code > 0) {
				return new SmtpOutcome(code >= 500 ? Kind.BOUNCE : Kind.RETRY, describe(cause));
			}
			if (cause instanceof MailConnectException || cause instanceof ConnectException
					|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
				return new SmtpOutcome(Kind.UNREACHABLE, describe(failure));
			}
		}
		return new SmtpOutcome(Kind.RETRY, describe(failure));
	}

	private static boolean refusedSender(Throwable cause) {
		return cause instanceof SMTPSenderFailedException || (cause instanceof SMTPSendFailedException failed
				&& failed.getCommand() != null && failed.getCommand().regionMatches(true, 0, "MAIL FROM", 0, 9));
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
