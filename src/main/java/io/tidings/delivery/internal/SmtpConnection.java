package io.tidings.delivery.internal;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One worker's SMTP connection, opened on first use and kept for the following mails: no
 * connection per mail. Not thread-safe; each worker thread owns one.
 */
final class SmtpConnection implements AutoCloseable {

	private static final long RECHECK_AFTER_IDLE_NANOS = 5_000_000_000L;

	private static final String SOCKET_FACTORY = "mail.smtp.socketFactory";

	private final JavaMailSenderImpl settings;

	private final Session session;

	private Transport transport;

	private long lastUsedNanos;

	SmtpConnection(JavaMailSenderImpl settings) {
		this.settings = settings;
		this.session = noDelay(settings.getSession());
	}

	Session session() {
		return session;
	}

	/**
	 * The configured session, with {@link NoDelaySockets} unless a socket factory or
	 * SMTPS is configured (Jakarta Mail would take the plain factory for SMTPS too);
	 * STARTTLS layers TLS over the plain socket.
	 */
	static Session noDelay(Session configured) {
		Properties properties = configured.getProperties();
		if (properties.get(SOCKET_FACTORY) != null || properties.get(SOCKET_FACTORY + ".class") != null
				|| "true".equalsIgnoreCase(properties.getProperty("mail.smtp.ssl.enable"))) {
			return configured;
		}
		Properties withFactory = new Properties();
		withFactory.putAll(properties);
		withFactory.put(SOCKET_FACTORY, NoDelaySockets.INSTANCE);
		return Session.getInstance(withFactory);
	}

	/** Sends the message and returns the server's reply to it. */
	String send(MimeMessage message) throws MessagingException {
		Transport connected = connected();
		try {
			connected.sendMessage(message, message.getAllRecipients());
		}
		catch (MessagingException ex) {
			if (!connected.isConnected()) {
				close();
			}
			throw ex;
		}
		lastUsedNanos = System.nanoTime();
		return connected instanceof SMTPTransport smtp ? smtp.getLastServerResponse().strip() : "accepted";
	}

	void closeIfIdleFor(long nanos) {
		if (transport != null && System.nanoTime() - lastUsedNanos > nanos) {
			close();
		}
	}

	private Transport connected() throws MessagingException {
		// isConnected() costs a NOOP round trip: only ask after a pause, when the server
		// may have hung up.
		boolean recentlyUsed = System.nanoTime() - lastUsedNanos < RECHECK_AFTER_IDLE_NANOS;
		if (transport != null && (recentlyUsed || transport.isConnected())) {
			return transport;
		}
		close();
		Transport fresh = session.getTransport(settings.getProtocol());
		String user = settings.getUsername();
		boolean anonymous = user == null || user.isEmpty();
		fresh.connect(settings.getHost(), settings.getPort(), anonymous ? null : user,
				anonymous ? null : settings.getPassword());
		transport = fresh;
		return fresh;
	}

	@Override
	public void close() {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ignored) {
				// The connection is being dropped either way.
			}
			transport = null;
		}
	}

}
