package io.tidings.delivery.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.tidings.delivery.BounceMailboxProperties;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the bounce mailbox every poll interval and hands each hard bounce its delivery
 * status reports name to the {@link AsyncBounceHandler}, and each spam complaint a
 * feedback-loop report (ARF) makes to the {@link ComplaintHandler}. A report is marked
 * seen and moved or deleted only after all its bounces were handled; anything else is
 * marked seen and left (or moved to the ignored folder). Each poll opens a fresh
 * connection, so a mailbox that cannot be reached is simply tried again at the next one.
 */
@Component
@ConditionalOnProperty(name = "tidings.delivery.bounce-mailbox.enabled", havingValue = "true")
class BounceMailboxPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BounceMailboxPoller.class);

	private final BounceMailboxProperties properties;

	private final AsyncBounceHandler handler;

	private final ComplaintHandler complaints;

	private final Session session;

	private ScheduledExecutorService executor;

	private volatile boolean stopping;

	BounceMailboxPoller(BounceMailboxProperties properties, AsyncBounceHandler handler, ComplaintHandler complaints) {
		this.properties = properties;
		this.handler = handler;
		this.complaints = complaints;
		this.session = Session.getInstance(ImapSettings.of(properties));
	}

	@Override
	public synchronized void start() {
		stopping = false;
		executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "bounce-mailbox");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::pollOnce, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (executor == null) {
			return;
		}
		stopping = true;
		executor.shutdown();
		try {
			// A poll in progress finishes the message it is on, which the read time-out
			// bounds. Cut short, that message is read again after the restart.
			if (!executor.awaitTermination(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		executor = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

	/** Reads the unseen messages once. Never throws. */
	void pollOnce() {
		Store store = null;
		try {
			store = session.getStore(properties.protocol());
			store.connect(properties.host(), properties.port(), properties.user(), properties.password());
			readFolder(store);
		}
		// Anything thrown out of a scheduled task would cancel all later polls.
		catch (MessagingException | RuntimeException ex) {
			log.warn("Could not read the bounce mailbox {} at {}:{}, trying again in {}: {}", properties.folder(),
					properties.host(), properties.port(), properties.pollInterval(), ex.getMessage());
		}
		finally {
			ImapSettings.closeQuietly(store);
		}
	}

	private void readFolder(Store store) throws MessagingException {
		Folder folder = store.getFolder(properties.folder());
		folder.open(Folder.READ_WRITE);
		try {
			Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
			for (int i = 0; i < Math.min(unseen.length, properties.maxMessagesPerPoll()) && !stopping; i++) {
				read(store, unseen[i]);
			}
		}
		finally {
			ImapSettings.closeAndExpunge(folder);
		}
	}

	private void read(Store store, Message message) throws MessagingException {
		MimeMessage copy;
		List<ReportedBounce> reports;
		try {
			// One fetch of the whole mail; the session's peek setting keeps it unseen.
			copy = new MimeMessage((MimeMessage) message);
			reports = DsnReports.read(copy);
		}
		catch (FolderClosedException | StoreClosedException ex) {
			throw ex;
		}
		catch (MessagingException ex) {
			log.warn("Could not fetch message {} of the bounce mailbox, trying again at the next poll: {}",
					message.getMessageNumber(), ex.getMessage());
			return;
		}
		if (reports.isEmpty()) {
			Optional<FeedbackReport> complaint = ArfReports.read(copy);
			if (complaint.isEmpty()) {
				file(store, message, properties.ignoredFolder(), false);
			}
			else if (hand(complaint.get())) {
				file(store, message, properties.processedFolder(), true);
			}
			return;
		}
		for (ReportedBounce bounce : reports) {
			if (bounce.permanent() && !hand(bounce)) {
				return;
			}
		}
		file(store, message, properties.processedFolder(), true);
	}

	/** Hands a feedback report over; false when that failed and it must stay unseen. */
	private boolean hand(FeedbackReport report) {
		try {
			var receipt = complaints.recordComplaint(report);
			log.info("Feedback report ({}) for {}: {}", report.feedbackType(), report.originalMessageId(),
					receipt.outcome());
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the feedback report on {}; it stays unseen for the next poll: {}",
					report.originalMessageId(), ex.toString());
			return false;
		}
	}

	/** Hands one bounce over; false when that failed and the report must stay unseen. */
	private boolean hand(ReportedBounce bounce) {
		try {
			boolean found = handler.recordAsyncBounce(bounce.originalMessageId(), bounce.recipient(),
					bounce.diagnostic());
			log.info("Bounce report for {}: {} {}", bounce.originalMessageId(), bounce.status(),
					found ? "recorded" : "matches no delivery");
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the bounce of {}; its report stays unseen for the next poll: {}",
					bounce.originalMessageId(), ex.toString());
			return false;
		}
	}

	/** Marks a message seen, then moves it, deletes it, or leaves it where it is. */
	private static void file(Store store, Message message, String target, boolean deleteIfNoTarget)
			throws MessagingException {
		message.setFlag(Flags.Flag.SEEN, true);
		if (!target.isEmpty()) {
			Folder folder = store.getFolder(target);
			if (!folder.exists()) {
				folder.create(Folder.HOLDS_MESSAGES);
			}
			message.getFolder().copyMessages(new Message[] { message }, folder);
		}
		if (!target.isEmpty() || deleteIfNoTarget) {
			message.setFlag(Flags.Flag.DELETED, true);
		}
	}

}
