package io.tidings.delivery.internal;

import java.security.interfaces.RSAPrivateKey;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;

import io.tidings.delivery.DeliveryProperties;
import io.tidings.delivery.DkimProperties;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

import org.springframework.stereotype.Component;

/**
 * Adds a DKIM signature to outgoing mail when {@code tidings.delivery.dkim} is enabled.
 * The signature is computed as the message is written to the SMTP connection, over
 * exactly the bytes sent.
 */
@Component
class DkimSigning {

	private final RSAPrivateKey key;

	private final String domain;

	private final String selector;

	private final Set<String> signedHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

	DkimSigning(DkimProperties dkim, DeliveryProperties delivery) {
		if (!dkim.enabled()) {
			key = null;
			domain = null;
			selector = null;
			return;
		}
		key = dkim.signingKey();
		domain = dkim.signingDomain(delivery);
		selector = dkim.selector();
		signedHeaders.addAll(dkim.signedHeaders());
		try {
			newSigner(Collections.emptyEnumeration());
		}
		catch (DkimException ex) {
			throw new IllegalStateException("DKIM signing cannot start with domain '" + domain + "' (set "
					+ "TIDINGS_DKIM_DOMAIN, or it is the domain of TIDINGS_MAIL_FROM): " + ex.getMessage(), ex);
		}
	}

	static DkimSigning off() {
		return new DkimSigning(new DkimProperties(false, null, null, null, null, null), null);
	}

	/**
	 * The message to send: a signing copy of the given one, or itself when DKIM is off.
	 */
	MimeMessage sign(MimeMessage message) throws MessagingException {
		return (key != null) ? new SignedMessage(message, newSigner(message.getAllHeaders())) : message;
	}

	/**
	 * A signer per message, because a DkimSigner keeps one Signature and MessageDigest
	 * and the delivery workers sign concurrently.
	 */
	private DkimSigner newSigner(Enumeration<Header> headersOfMessage) {
		DkimSigner signer = new DkimSigner(domain, selector, key);
		// Its default would look the public key up in DNS before every mail.
		signer.setCheckDomainKey(false);
		signer.setHeaderCanonicalization(Canonicalization.RELAXED);
		signer.setBodyCanonicalization(Canonicalization.RELAXED);
		// The signer starts from a long list of its own, and signs what the message has
		// of it.
		while (headersOfMessage.hasMoreElements()) {
			String name = headersOfMessage.nextElement().getName();
			if (!signedHeaders.contains(name)) {
				signer.removeHeaderToSign(name);
			}
		}
		signedHeaders.forEach(signer::addHeaderToSign);
		return signer;
	}

	private static final class SignedMessage extends DkimMessage {

		SignedMessage(MimeMessage message, DkimSigner signer) throws MessagingException {
			super(message, signer);
		}

		/** Keeps the copied Message-ID, the row's, if saveChanges() is ever called. */
		@Override
		protected void updateMessageID() {
		}

	}

}
