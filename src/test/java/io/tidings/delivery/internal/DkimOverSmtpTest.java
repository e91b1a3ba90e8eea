package io.tidings.delivery.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.tidings.delivery.DeliveryProperties;
import io.tidings.delivery.DkimProperties;
import io.tidings.support.BoundProperties;
import io.tidings.support.DkimKeys;
import io.tidings.support.FreePort;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends signed mail the way the delivery workers do, over one reused connection to a real
 * SMTP server, and verifies what the server received.
 */
class DkimOverSmtpTest {

	static final int SMTP_PORT = FreePort.find();

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	static final KeyPair KEYS = DkimKeys.generate("RSA", 2048);

	static final DeliveryProperties DELIVERY = BoundProperties.bind(DeliveryProperties.class, "tidings.delivery",
			Map.of("from-address", "hello@shop.example", "from-name", "Shop"));

	@TempDir
	Path keys;

	@Test
	void mailReceivedOverSmtpCarriesTheConfiguredDomainAndSelectorAndVerifies() throws Exception {
		Path keyFile = Files.writeString(keys.resolve("dkim.pem"), DkimKeys.pem(KEYS.getPrivate()));
		DkimSigning dkim = new DkimSigning(
				new DkimProperties(true, "news.shop.example", "s2025", keyFile.toString(), null, null), DELIVERY);
		MimeMessages messages = new MimeMessages(DELIVERY, Clock.systemUTC(), dkim);
		JavaMailSenderImpl settings = new JavaMailSenderImpl();
		settings.setHost("127.0.0.1");
		settings.setProtocol("smtp");
		settings.setPort(SMTP_PORT);

		try (SmtpConnection connection = new SmtpConnection(settings)) {
			for (String id : new String[] { "d-1", "d-2" }) {
				connection.send(messages.build(connection.session(), DkimSigningTest.delivery(id, "Welcome", "Ann")));
			}
		}

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		JamesDkimVerifier verifier = new JamesDkimVerifier(KEYS.getPublic(), "news.shop.example", "s2025");
		for (int i = 0; i < received.length; i++) {
			String[] signatures = received[i].getHeader("DKIM-Signature");
			assertThat(signatures).hasSize(1);
			assertThat(tags(signatures[0])).containsEntry("d", "news.shop.example")
				.containsEntry("s", "s2025")
				.containsEntry("a", "rsa-sha256")
				.containsEntry("c", "relaxed/relaxed");
			assertThat(received[i].getMessageID()).isEqualTo("<d-" + (i + 1) + "@shop.example>");
			assertThat(verifier.verify(DkimSigningTest.wire(received[i]))).hasSize(1);
		}
	}

	private static Map<String, String> tags(String header) {
		return Arrays.stream(header.replaceAll("\\s+", "").split(";"))
			.filter((tag) -> tag.contains("="))
			.map((tag) -> tag.split("=", 2))
			.collect(Collectors.toMap((tag) -> tag[0], (tag) -> tag[1]));
	}

}
