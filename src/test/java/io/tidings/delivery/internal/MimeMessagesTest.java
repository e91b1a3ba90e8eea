package io.tidings.delivery.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import io.tidings.consent.EmailCategory;
import io.tidings.delivery.DeliveryProperties;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MimeMessagesTest {

	final MimeMessages messages = new MimeMessages(
			new DeliveryProperties("hello@shop.example", "Shop", 1, 10, Duration.ofSeconds(1), Duration.ofMinutes(2), 3,
					Duration.ofSeconds(30), new DeliveryProperties.FrequencyCap(0, Duration.ofDays(7)),
					new DeliveryProperties.QuietHours(null, null, ZoneOffset.UTC),
					new DeliveryProperties.RateLimits(0, 0, Map.of()), 50),
			Clock.systemUTC());

	@Test
	void carriesTheRowsMessageIdAndBothParts() throws Exception {
		MimeMessage message = messages.build(Session.getInstance(new Properties()), delivery("Welcome, Ann", "Ann"));

		assertThat(message.getMessageID()).isEqualTo("<d-1@shop.example>");
		String wire = wire(message);
		assertThat(wire).contains("Content-Type: multipart/alternative").contains("text/plain").contains("text/html");
		assertThat(wire.indexOf("text/plain")).isLessThan(wire.indexOf("text/html"));
	}

	@Test
	void injectedHeadersNeverReachTheWire() throws Exception {
		MimeMessage message = messages.build(Session.getInstance(new Properties()),
				delivery("Hello\r\nBcc: victim@example.com", "Ann\r\nBcc: other@example.com\u0000"));

		String wire = wire(message);

		assertThat(wire).doesNotContainPattern("(?m)^Bcc:");
		assertThat(message.getRecipients(MimeMessage.RecipientType.BCC)).isNull();
		assertThat(message.getSubject()).isEqualTo("Hello Bcc: victim@example.com");
	}

	private static ClaimedDelivery delivery(String subject, String name) {
		return new ClaimedDelivery("d-1", "<d-1@shop.example>", "c-1", EmailCategory.MARKETING, "newsletter",
				"ann@example.com", name, null, subject, "<html><body><p>Hi</p></body></html>", "Hi\n", 1, Instant.now(),
				null);
	}

	private static String wire(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

}
