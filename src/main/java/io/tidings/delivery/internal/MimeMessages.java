package io.tidings.delivery.internal;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import io.tidings.delivery.DeliveryProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds the wire message of a delivery: multipart/alternative with the text part first,
 * and the Message-ID the row was given, so any resend of the same row carries the same
 * one. DKIM-signed when that is configured.
 */
@Component
class MimeMessages {

	static {
		MailStreamProviders.pin();
	}

	private final DeliveryProperties properties;

	private final Clock clock;

	private final DkimSigning dkim;

	@Autowired
	MimeMessages(DeliveryProperties properties, Clock clock, DkimSigning dkim) {
		this.properties = properties;
		this.clock = clock;
		this.dkim = dkim;
	}

	/** Without DKIM signing. */
	MimeMessages(DeliveryProperties properties, Clock clock) {
		this(properties, clock, DkimSigning.off());
	}

	MimeMessage build(Session session, ClaimedDelivery delivery) throws MessagingException {
		MimeMessage message = new FixedIdMessage(session, delivery.messageId());
		message.setFrom(address(properties.fromAddress(), properties.fromName()));
		message.setRecipient(MimeMessage.RecipientType.TO, address(delivery.recipient(), delivery.recipientName()));
		message.setSubject(singleLine(delivery.subject()), StandardCharsets.UTF_8.name());
		message.setSentDate(Date.from(clock.instant()));
		if (delivery.unsubscribeUrl() != null) {
			// RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs
			// here.
			message.setHeader("List-Unsubscribe", "<" + singleLine(delivery.unsubscribeUrl()) + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}

		MimeBodyPart text = new MimeBodyPart();
		text.setText(delivery.text(), StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(delivery.html(), StandardCharsets.UTF_8.name(), "html");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		message.saveChanges();
		return dkim.sign(message);
	}

	private static InternetAddress address(String email, String name) throws MessagingException {
		try {
			return name == null || name.isBlank() ? new InternetAddress(email, true)
					: new InternetAddress(email, singleLine(name), StandardCharsets.UTF_8.name());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Header values never carry CR, LF or NUL, whatever the data said. */
	static String singleLine(String value) {
		return value.replaceAll("[\\r\\n\\u0000]+", " ").strip();
	}

	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}

	}

}
