package io.tidings.delivery.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpConnectionTest {

	@Test
	void socketsOfTheFactoryHaveNoDelay() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket plain = NoDelaySockets.INSTANCE.createSocket();
				Socket connected = NoDelaySockets.INSTANCE.createSocket(InetAddress.getLoopbackAddress(),
						server.getLocalPort())) {
			assertThat(plain.getTcpNoDelay()).isTrue();
			assertThat(connected.getTcpNoDelay()).isTrue();
			assertThat(new Socket().getTcpNoDelay()).isFalse();
		}
	}

	@Test
	void plainSmtpGetsTheNoDelayFactoryAndKeepsTheOtherSettings() {
		JavaMailSenderImpl settings = new JavaMailSenderImpl();
		Properties configured = new Properties();
		configured.setProperty("mail.smtp.timeout", "1234");
		settings.setJavaMailProperties(configured);

		Session session = new SmtpConnection(settings).session();

		assertThat(session.getProperties().get("mail.smtp.socketFactory")).isSameAs(NoDelaySockets.INSTANCE);
		assertThat(session.getProperty("mail.smtp.timeout")).isEqualTo("1234");
	}

	@Test
	void aConfiguredSocketFactoryOrSmtpsIsLeftAlone() {
		for (String key : new String[] { "mail.smtp.socketFactory.class", "mail.smtp.ssl.enable" }) {
			JavaMailSenderImpl settings = new JavaMailSenderImpl();
			Properties configured = new Properties();
			configured.setProperty(key, key.endsWith("class") ? "com.example.Sockets" : "true");
			settings.setJavaMailProperties(configured);

			Session session = new SmtpConnection(settings).session();

			assertThat(session).isSameAs(settings.getSession());
			assertThat(session.getProperties().get("mail.smtp.socketFactory")).isNull();
		}
	}

	@Test
	void sendsOverTheNoDelaySocket() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread relay = new Thread(() -> relay(server));
			relay.start();
			JavaMailSenderImpl settings = new JavaMailSenderImpl();
			settings.setProtocol("smtp");
			settings.setHost("127.0.0.1");
			settings.setPort(server.getLocalPort());
			try (SmtpConnection connection = new SmtpConnection(settings)) {
				jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(connection.session());
				message.setFrom("a@example.com");
				message.setRecipients(jakarta.mail.Message.RecipientType.TO, "b@example.com");
				message.setText("hello");
				assertThat(connection.send(message)).startsWith("250");
			}
			relay.join(5000);
		}
	}

	private static void relay(ServerSocket server) {
		try (Socket socket = server.accept()) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			out.write("220 test\r\n".getBytes(StandardCharsets.US_ASCII));
			String line;
			boolean data = false;
			while ((line = in.readLine()) != null) {
				String reply = null;
				if (data) {
					if (line.equals(".")) {
						data = false;
						reply = "250 queued";
					}
				}
				else if (line.startsWith("DATA")) {
					data = true;
					reply = "354 go on";
				}
				else if (line.startsWith("QUIT")) {
					out.write("221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
					return;
				}
				else {
					reply = "250 ok";
				}
				if (reply != null) {
					out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
			}
		}
		catch (java.io.IOException ignored) {
			// The test fails on the client side.
		}
	}

}
