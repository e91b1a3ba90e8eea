package io.tidings.delivery.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;

/**
 * Checks signatures with Apache James jDKIM, an implementation independent of the signer,
 * against one public key "published" for one selector and domain, as a receiver would.
 */
final class JamesDkimVerifier {

	private final DKIMVerifier verifier;

	JamesDkimVerifier(PublicKey key, String domain, String selector) {
		PublicKeyRecordRetriever dns = (method, querySelector, queryDomain) -> {
			if (!selector.contentEquals(querySelector) || !domain.contentEquals(queryDomain)) {
				throw new PermFailException("no key at " + querySelector + "._domainkey." + queryDomain);
			}
			return List.of("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded()));
		};
		this.verifier = new DKIMVerifier(dns);
	}

	/** The signatures that verify; throws when none does. */
	List<SignatureRecord> verify(byte[] message) throws IOException, FailException {
		List<SignatureRecord> passed = verifier.verify(new ByteArrayInputStream(message));
		if (passed == null || passed.isEmpty()) {
			throw new PermFailException("no DKIM-Signature verifies");
		}
		return passed;
	}

}
