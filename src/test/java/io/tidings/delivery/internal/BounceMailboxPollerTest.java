package io.tidings.delivery.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

import com.icegreen.greenmail.util.ServerSetup;
import io.tidings.delivery.BounceMailboxProperties;
import io.tidings.delivery.FeedbackReceipt;
import io.tidings.support.Eventually;
import io.tidings.support.FreePort;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller against a real IMAP server (GreenMail): reports are read, their hard bounces
 * handed over once, and the mailbox left in the state the next poll relies on.
 */
class BounceMailboxPollerTest {

	static final String POSTFIX_ID = "<3f2b6c1e-8a4d-4f0e-9a51-2d7c9e5b1a01@tidings.localhost>";

	static final String SENDMAIL_ID = "<5c8d2f10-77a3-4e5b-b6c1-9f0e1d2c3b4a@tidings.localhost>";

	static final String GMAIL_ID = "<0b7e5d22-3c19-4f4a-a1d8-5e6f7a8b9c0d@tidings.localhost>";

	@RegisterExtension
	static final GreenMailExtension imap = new GreenMailExtension(
			new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));

	final RecordingHandler handler = new RecordingHandler(Set.of(POSTFIX_ID, SENDMAIL_ID));

	final List<String> complained = new CopyOnWriteArrayList<>();

	final ComplaintHandler complaints = (report) -> {
		complained.add(report.feedbackType() + " " + report.originalMessageId());
		return new FeedbackReceipt(report.feedbackType(), true, "message-id", "d-1", true, true,
				FeedbackReceipt.RECORDED);
	};

	GreenMailUser bounces;

	@BeforeEach
	void mailbox() {
		bounces = imap.setUser("bounces@tidings.localhost", "bounces", "secret");
	}

	@Test
	void handsEachHardBounceOverOnceAndRemovesTheHandledReports() throws Exception {
		deliver("postfix-user-unknown.eml", "sendmail-three-recipients.eml", "postfix-delayed.eml",
				"gmail-no-such-user.eml", "out-of-office.eml", "malformed-report.eml");
		BounceMailboxPoller poller = poller(imap.getImap().getPort(), "", "");

		poller.pollOnce();

		assertThat(handler.recorded).containsExactly(POSTFIX_ID + " gone@example.net", SENDMAIL_ID + " Bob@Example.org",
				SENDMAIL_ID + " carol@example.org", GMAIL_ID + " nobody.here.at.all@gmail.com");
		assertThat(folder("INBOX")).containsExactly("Automatic reply: Welcome aboard, Ann! (seen)",
				"Delivery failure (seen)");

		poller.pollOnce();

		assertThat(handler.recorded).hasSize(4);
	}

	@Test
	void handsFeedbackLoopReportsToTheComplaintHandlerAndKeepsWhatIsNoReport() throws Exception {
		deliver("postfix-user-unknown.eml");
		for (String sample : new String[] { "yahoo-abuse-full-message.eml", "not-spam.eml",
				"malformed-no-feedback-part.eml" }) {
			bounces.deliver(ArfReportsTest.sample(sample));
		}

		poller(imap.getImap().getPort(), "Processed", "Ignored").pollOnce();

		assertThat(handler.recorded).containsExactly(POSTFIX_ID + " gone@example.net");
		assertThat(complained).containsExactly("abuse <7c0f3d2a-5b8e-4c1d-9e2f-a1b2c3d4e5f6@tidings.localhost>",
				"not-spam <4b3a2918-0f7e-4d6c-9b5a-483726150f4e@tidings.localhost>");
		assertThat(folder("Processed")).containsExactly("Undelivered Mail Returned to Sender (seen)",
				"FW: Ann, three tips for your first week (seen)", "Not-spam report (seen)");
		assertThat(folder("Ignored")).containsExactly("Abuse report (seen)");
	}

	@Test
	void aHandlerFailureLeavesTheReportUnseenForTheNextPoll() throws Exception {
		deliver("postfix-user-unknown.eml");
		handler.failures.set(1);
		BounceMailboxPoller poller = poller(imap.getImap().getPort(), "", "");

		poller.pollOnce();

		assertThat(handler.recorded).isEmpty();
		assertThat(folder("INBOX")).containsExactly("Undelivered Mail Returned to Sender");

		poller.pollOnce();

		assertThat(handler.recorded).containsExactly(POSTFIX_ID + " gone@example.net");
		assertThat(folder("INBOX")).isEmpty();
	}

	@Test
	void movesReportsAndOtherMailToTheirFolders() throws Exception {
		deliver("exchange-recipient-not-found.eml", "out-of-office.eml");

		poller(imap.getImap().getPort(), "Processed", "Ignored").pollOnce();

		assertThat(handler.recorded)
			.containsExactly("<9d41e7a0-52c6-4b8e-8f3d-6c1b2a7e4f10@tidings.localhost> Nobody@Contoso.com");
		assertThat(folder("INBOX")).isEmpty();
		assertThat(folder("Processed")).containsExactly("Undeliverable: Your order has shipped (seen)");
		assertThat(folder("Ignored")).containsExactly("Automatic reply: Welcome aboard, Ann! (seen)");
	}

	@Test
	void keepsPollingWhileTheMailboxIsDownAndStopsCleanly() throws Exception {
		int port = FreePort.find();
		GreenMail later = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
		BounceMailboxPoller poller = poller(port, "", "");
		try {
			poller.start();
			Thread.sleep(300);
			later.start();
			bounces = later.setUser("bounces@tidings.localhost", "bounces", "secret");
			deliver("postfix-user-unknown.eml");

			Eventually.within(Duration.ofSeconds(10), () -> List.copyOf(handler.recorded), (seen) -> !seen.isEmpty());
			poller.stop();

			assertThat(poller.isRunning()).isFalse();
			deliver("gmail-no-such-user.eml");
			Thread.sleep(300);
			assertThat(handler.recorded).containsExactly(POSTFIX_ID + " gone@example.net");
		}
		finally {
			poller.stop();
			later.stop();
		}
	}

	BounceMailboxPoller poller(int port, String processedFolder, String ignoredFolder) {
		var properties = new BounceMailboxProperties(true, "127.0.0.1", port, false, "bounces", "secret", "INBOX",
				Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(5), 100, processedFolder,
				ignoredFolder);
		return new BounceMailboxPoller(properties, handler, complaints);
	}

	void deliver(String... samples) throws Exception {
		for (String sample : samples) {
			bounces.deliver(DsnReportsTest.sample(sample));
		}
	}

	/** Subjects in the folder, marked when seen; fetching them leaves the flags alone. */
	List<String> folder(String name) throws Exception {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", imap.getImap().getPort(), "bounces", "secret");
		try {
			Folder folder = store.getFolder(name);
			if (!folder.exists()) {
				return List.of();
			}
			folder.open(Folder.READ_ONLY);
			List<String> subjects = new ArrayList<>();
			for (Message message : folder.getMessages()) {
				subjects.add(message.getSubject() + (message.isSet(Flags.Flag.SEEN) ? " (seen)" : ""));
			}
			folder.close(false);
			return subjects;
		}
		finally {
			store.close();
		}
	}

	static final class RecordingHandler implements AsyncBounceHandler {

		final Set<String> knownMessageIds;

		final List<String> recorded = new CopyOnWriteArrayList<>();

		final AtomicInteger failures = new AtomicInteger();

		RecordingHandler(Set<String> knownMessageIds) {
			this.knownMessageIds = knownMessageIds;
		}

		@Override
		public boolean recordAsyncBounce(String originalMessageId, String recipient, String diagnostic) {
			if (failures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				throw new IllegalStateException("database unavailable");
			}
			recorded.add(originalMessageId + " " + recipient);
			return knownMessageIds.contains(originalMessageId);
		}

	}

}
