package io.tidings.delivery.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.tidings.delivery.DeliveryHealthProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP check against a server on loopback that logs the commands it gets: one
 * conversation per check interval however many probes come, EHLO, NOOP and QUIT in it,
 * and a relay that never greets answered DOWN within the short timeout.
 */
class SmtpHealthIndicatorTest {

	private final FakeRelay relay = new FakeRelay();

	@AfterEach
	void stop() throws IOException {
		relay.close();
	}

	@Test
	void probesWithinTheIntervalShareOneConversation() {
		SmtpHealthIndicator indicator = indicator(Duration.ofSeconds(2), Duration.ofMinutes(1));

		for (int i = 0; i < 20; i++) {
			Health health = indicator.health();
			assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
		}

		assertThat(relay.connections.get()).isEqualTo(1);
		assertThat(relay.commands).anyMatch(command -> command.startsWith("EHLO"))
			.contains("NOOP", "QUIT")
			.noneMatch(command -> command.startsWith("MAIL"));
	}

	@Test
	void anotherConversationOnceTheIntervalHasPassed() throws Exception {
		SmtpHealthIndicator indicator = indicator(Duration.ofSeconds(2), Duration.ofMillis(100));

		indicator.health();
		Thread.sleep(200);
		indicator.health();

		assertThat(relay.connections.get()).isEqualTo(2);
	}

	@Test
	void aRelayThatNeverGreetsIsDownWithinTheTimeout() {
		relay.silent = true;
		SmtpHealthIndicator indicator = indicator(Duration.ofMillis(300), Duration.ofMinutes(1));

		long started = System.nanoTime();
		Health health = indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat((String) health.getDetails().get("error")).isNotBlank();
	}

	@Test
	void nothingListeningIsDown() throws IOException {
		// A port bound but not listening refuses connections, and, unlike a port just
		// closed, cannot be picked as the probe's own source port: a connection from a
		// port to itself would succeed and say UP.
		try (Socket bound = new Socket()) {
			bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			SmtpHealthIndicator indicator = indicator(bound.getLocalPort(), Duration.ofSeconds(1),
					Duration.ofMinutes(1));

			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		}
	}

	private SmtpHealthIndicator indicator(Duration timeout, Duration interval) {
		return indicator(relay.port(), timeout, interval);
	}

	private SmtpHealthIndicator indicator(int port, Duration timeout, Duration interval) {
		JavaMailSenderImpl settings = new JavaMailSenderImpl();
		settings.setHost("127.0.0.1");
		settings.setPort(port);
		return new SmtpHealthIndicator(settings,
				new DeliveryHealthProperties(timeout, interval, Duration.ofMinutes(15), Duration.ofSeconds(5)));
	}

	/** Greets, says 250 to everything, 221 to QUIT; or, silent, says nothing at all. */
	static final class FakeRelay implements AutoCloseable {

		final AtomicInteger connections = new AtomicInteger();

		final List<String> commands = new CopyOnWriteArrayList<>();

		volatile boolean silent;

		private final ServerSocket socket;

		FakeRelay() {
			try {
				socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread accepting = new Thread(this::accept, "fake-relay");
			accepting.setDaemon(true);
			accepting.start();
		}

		int port() {
			return socket.getLocalPort();
		}

		private void accept() {
			while (!socket.isClosed()) {
				try {
					Socket client = socket.accept();
					connections.incrementAndGet();
					Thread conversation = new Thread(() -> converse(client), "fake-relay-client");
					conversation.setDaemon(true);
					conversation.start();
				}
				catch (IOException closed) {
					return;
				}
			}
		}

		private void converse(Socket client) {
			try (client;
					BufferedReader in = new BufferedReader(
							new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
					OutputStream out = client.getOutputStream()) {
				if (silent) {
					in.read();
					return;
				}
				reply(out, "220 fake ESMTP");
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					commands.add(line);
					if (line.equals("QUIT")) {
						reply(out, "221 bye");
						return;
					}
					reply(out, "250 ok");
				}
			}
			catch (IOException ignored) {
				// The client hung up.
			}
		}

		private static void reply(OutputStream out, String line) throws IOException {
			out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}

	}

}
