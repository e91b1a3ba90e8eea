package io.tidings.delivery;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The IMAP mailbox where bounces arrive after a mail was accepted, as delivery status
 * reports (RFC 3464), and where spam complaints may arrive as feedback-loop reports (ARF,
 * RFC 5965). Off by default.
 *
 * @param enabled poll the mailbox
 * @param host the IMAP server
 * @param port 993 for IMAPS, 143 for plain IMAP
 * @param ssl connect over TLS (IMAPS), checking the server's certificate and name
 * @param user the mailbox login
 * @param password the mailbox password
 * @param folder the folder the reports arrive in
 * @param pollInterval the pause between two polls
 * @param connectTimeout how long to wait for the server to accept a connection
 * @param readTimeout how long to wait for one answer (or one write) before giving up
 * until the next poll
 * @param maxMessagesPerPoll unseen messages read per poll; the rest wait for the next
 * @param processedFolder where handled reports are moved; blank deletes them (the
 * deliveries table keeps the bounce)
 * @param ignoredFolder where messages that are not reports (auto-replies, spam) are
 * moved; blank leaves them, marked seen, for a person to look at
 */
@Validated
@ConfigurationProperties("tidings.delivery.bounce-mailbox")
public record BounceMailboxProperties(boolean enabled, @NotBlank String host, @Min(1) @Max(65535) int port, boolean ssl,
		String user, String password, @NotBlank String folder,
		@NotNull @DurationMin(millis = 100) Duration pollInterval,
		@NotNull @DurationMin(millis = 1) Duration connectTimeout,
		@NotNull @DurationMin(millis = 1) Duration readTimeout, @Min(1) @Max(10000) int maxMessagesPerPoll,
		String processedFolder, String ignoredFolder) {

	public BounceMailboxProperties {
		processedFolder = processedFolder == null ? "" : processedFolder.strip();
		ignoredFolder = ignoredFolder == null ? "" : ignoredFolder.strip();
	}

	@AssertTrue(message = "must be set when the bounce mailbox is enabled (TIDINGS_BOUNCE_IMAP_USER, "
			+ "TIDINGS_BOUNCE_IMAP_PASSWORD)")
	public boolean isLogin() {
		return !enabled || (user != null && !user.isBlank() && password != null && !password.isEmpty());
	}

	/** The Jakarta Mail store protocol these settings ask for. */
	public String protocol() {
		return ssl ? "imaps" : "imap";
	}

}
