package io.tidings.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;

/**
 * A GreenMail SMTP server in the test JVM that keeps a ledger of every mail it accepted,
 * by Message-ID, so a mail received twice shows up as a duplicate. The ledger survives
 * {@link #stop()} and {@link #start()} on the same port, which is how a test takes the
 * server away for a while.
 */
public final class SmtpSink implements AutoCloseable {

	private final int port = FreePort.find();

	private final Map<String, Copies> copiesByMessageId = new ConcurrentHashMap<>();

	private final AtomicInteger received = new AtomicInteger();

	private volatile boolean refusing;

	private volatile Duration latency = Duration.ZERO;

	private GreenMail server;

	private SmtpSink() {
	}

	/** Starts a sink on a free loopback port. */
	public static SmtpSink onFreePort() {
		SmtpSink sink = new SmtpSink();
		sink.start();
		return sink;
	}

	/**
	 * Makes every mail take this long to accept, as a relay across a network does: the
	 * workers then fall behind the journeys and rows wait in the outbox.
	 */
	public SmtpSink withLatency(Duration latency) {
		this.latency = latency;
		return this;
	}

	public int port() {
		return port;
	}

	/** Every mail accepted, copies included. */
	public int received() {
		return received.get();
	}

	/** Mails accepted, each Message-ID counted once. */
	public int distinct() {
		return copiesByMessageId.size();
	}

	/** Copies beyond the first of each Message-ID. */
	public int duplicates() {
		return received() - distinct();
	}

	/** How many copies of each Message-ID arrived, and when the first one did. */
	public Map<String, Copies> ledger() {
		return Map.copyOf(copiesByMessageId);
	}

	/**
	 * Takes the server away: mail still being handed over is refused with a temporary
	 * error, then the port closes and open connections drop. The refusal first makes the
	 * cut clean, as a relay shutting down does: every mail this sink counts was
	 * acknowledged with 250 before the connection went, so a copy sent again afterwards
	 * is the sender's duplicate, never the outage's.
	 */
	public synchronized void stop() {
		refusing = true;
		Pause.pause(Duration.ofMillis(300));
		server.stop();
		server = null;
	}

	/** Brings the server back on the same port, with the ledger as it was. */
	public synchronized void start() {
		GreenMail fresh = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		// One mailbox for every recipient: no user created (and logged) per address.
		GreenMailUser mailbox = fresh.setUser("sink@localhost", "sink", "sink");
		fresh.getManagers().getUserManager().setMessageDeliveryHandler(counting(mailbox));
		refusing = false;
		fresh.start();
		server = fresh;
	}

	/** Waits until at least this many mails (copies included) have arrived. */
	public void awaitReceived(int count, Duration timeout) {
		if (!receives(count, timeout)) {
			throw new AssertionError("Only " + received() + " of " + count + " mails arrived within " + timeout);
		}
	}

	/** Whether at least this many mails (copies included) arrive within the timeout. */
	public boolean receives(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (received() < count) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Pause.pause(Duration.ofMillis(50));
		}
		return true;
	}

	/** Waits until no mail has arrived for the given time. */
	public void awaitQuiet(Duration quiet, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		int seen = received();
		long quietSince = System.nanoTime();
		while (System.nanoTime() - quietSince < quiet.toNanos()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Mail kept arriving for " + timeout);
			}
			Pause.pause(Duration.ofMillis(100));
			int now = received();
			if (now != seen) {
				seen = now;
				quietSince = System.nanoTime();
			}
		}
	}

	@Override
	public synchronized void close() {
		if (server != null) {
			server.stop();
			server = null;
		}
	}

	private MessageDeliveryHandler counting(GreenMailUser mailbox) {
		return (MovingMessage message, MailAddress recipient) -> {
			if (refusing) {
				// GreenMail answers 451: the sender keeps the mail and tries again later.
				throw new MessagingException("Shutting down");
			}
			if (!latency.isZero()) {
				Pause.pause(latency);
			}
			record(message.getMessage().getMessageID());
			return mailbox;
		};
	}

	private void record(String messageId) {
		copiesByMessageId.computeIfAbsent(messageId, id -> new Copies(Instant.now())).count.incrementAndGet();
		received.incrementAndGet();
	}

	/** The copies of one Message-ID. */
	public static final class Copies {

		private final Instant first;

		private final AtomicInteger count = new AtomicInteger();

		Copies(Instant first) {
			this.first = first;
		}

		public Instant first() {
			return first;
		}

		public int count() {
			return count.get();
		}

	}

}
