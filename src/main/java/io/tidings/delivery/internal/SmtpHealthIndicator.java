package io.tidings.delivery.internal;

import java.util.Properties;

import io.tidings.delivery.DeliveryHealthProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * {@code smtp} in {@code /actuator/health}: connects to the relay (EHLO, and AUTH or
 * STARTTLS when configured), sends a NOOP and QUITs, with a short timeout. One answer is
 * reused for {@code tidings.delivery.health.smtp-check-interval}, and probes that arrive
 * while a check runs wait for it, so health probes cannot hammer the relay. Spring Boot's
 * own mail indicator is off: it connects on every probe with the sending timeouts.
 */
@Component("smtp")
class SmtpHealthIndicator implements HealthIndicator {

	private final JavaMailSenderImpl settings;

	private final DeliveryHealthProperties properties;

	private Health last;

	private long checkedAtNanos;

	SmtpHealthIndicator(JavaMailSenderImpl settings, DeliveryHealthProperties properties) {
		this.settings = settings;
		this.properties = properties;
	}

	@Override
	public synchronized Health health() {
		if (last == null || System.nanoTime() - checkedAtNanos >= properties.smtpCheckInterval().toNanos()) {
			last = check();
			checkedAtNanos = System.nanoTime();
		}
		return last;
	}

	private Health check() {
		Health.Builder health = Health.up();
		long started = System.nanoTime();
		String protocol = settings.getProtocol() != null ? settings.getProtocol() : "smtp";
		try (Transport transport = session().getTransport(protocol)) {
			String user = settings.getUsername();
			boolean anonymous = user == null || user.isEmpty();
			transport.connect(settings.getHost(), settings.getPort(), anonymous ? null : user,
					anonymous ? null : settings.getPassword());
			// SMTPTransport answers isConnected() with a NOOP round trip.
			if (!transport.isConnected()) {
				health = Health.down().withDetail("error", "the server hung up after the greeting");
			}
		}
		catch (MessagingException | RuntimeException ex) {
			health = Health.down().withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		return health.withDetail("host", settings.getHost() + ":" + settings.getPort())
			.withDetail("checkMillis", (System.nanoTime() - started) / 1_000_000)
			.build();
	}

	private Session session() {
		Properties copy = new Properties();
		copy.putAll(settings.getJavaMailProperties());
		String timeout = Long.toString(properties.smtpTimeout().toMillis());
		copy.setProperty("mail.smtp.connectiontimeout", timeout);
		copy.setProperty("mail.smtp.timeout", timeout);
		copy.setProperty("mail.smtp.writetimeout", timeout);
		return Session.getInstance(copy);
	}

}
