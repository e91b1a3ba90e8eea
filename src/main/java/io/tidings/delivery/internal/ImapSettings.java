package io.tidings.delivery.internal;

import java.util.Properties;

import io.tidings.delivery.BounceMailboxProperties;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

/**
 * The Jakarta Mail session settings for reading the bounce mailbox, and quiet closing.
 */
final class ImapSettings {

	private ImapSettings() {
	}

	static Properties of(BounceMailboxProperties mailbox) {
		String prefix = "mail." + mailbox.protocol() + ".";
		Properties properties = new Properties();
		properties.setProperty("mail.store.protocol", mailbox.protocol());
		// Jakarta Mail waits forever by default; a stuck server must not stall the
		// poller.
		properties.setProperty(prefix + "connectiontimeout", String.valueOf(mailbox.connectTimeout().toMillis()));
		properties.setProperty(prefix + "timeout", String.valueOf(mailbox.readTimeout().toMillis()));
		properties.setProperty(prefix + "writetimeout", String.valueOf(mailbox.readTimeout().toMillis()));
		// Fetching a message would otherwise mark it seen before its bounces were
		// handled.
		properties.setProperty(prefix + "peek", "true");
		properties.setProperty(prefix + "ssl.checkserveridentity", "true");
		return properties;
	}

	/**
	 * Closes the folder, expunging the messages marked deleted; a failure changes
	 * nothing.
	 */
	static void closeAndExpunge(Folder folder) {
		try {
			if (folder.isOpen()) {
				folder.close(true);
			}
		}
		catch (MessagingException | IllegalStateException ex) {
			// Deleted messages are expunged at the next poll's close instead.
		}
	}

	static void closeQuietly(Store store) {
		if (store == null) {
			return;
		}
		try {
			store.close();
		}
		catch (MessagingException ex) {
			// The connection is being dropped either way.
		}
	}

}
