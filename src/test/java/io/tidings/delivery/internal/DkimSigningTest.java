package io.tidings.delivery.internal;

import java.time.Instant;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tidings.consent.EmailCategory;
import io.tidings.delivery.DeliveryProperties;
import io.tidings.delivery.DkimProperties;
import io.tidings.support.BoundProperties;
import io.tidings.support.DkimKeys;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Signs what {@link MimeMessages} builds and checks the result with Apache James jDKIM, a
 * verifier that shares no code with the signer.
 */
class DkimSigningTest {

	static final KeyPair KEYS = DkimKeys.generate("RSA", 2048);

	static final DeliveryProperties DELIVERY = BoundProperties.bind(DeliveryProperties.class, "tidings.delivery",
			Map.of("from-address", "hello@shop.example", "from-name", "Shop"));

	final DkimSigning dkim = new DkimSigning(
			new DkimProperties(true, null, "mail2025", null, DkimKeys.pem(KEYS.getPrivate()), null), DELIVERY);

	final MimeMessages messages = new MimeMessages(DELIVERY, Clock.systemUTC(), dkim);

	final JamesDkimVerifier verifier = new JamesDkimVerifier(KEYS.getPublic(), "shop.example", "mail2025");

	final Session session = Session.getInstance(new Properties());

	@Test
	void builtMailVerifiesWithTheFromDomainTheSelectorAndTheDefaultHeaders() throws Exception {
		byte[] wire = wire(messages.build(session, delivery("d-1", "Welcome, Ann", "Ann")));

		SignatureRecord signature = single(verifier.verify(wire));

		assertThat(signature.getDToken()).hasToString("shop.example");
		assertThat(signature.getSelector()).hasToString("mail2025");
		assertThat(signature.getHashKeyType() + "-" + signature.getHashMethod()).isEqualTo("rsa-sha256");
		assertThat(signature.getHeaderCanonicalisationMethod()).isEqualTo("relaxed");
		assertThat(signature.getBodyCanonicalisationMethod()).isEqualTo("relaxed");
		assertThat(headerNames(signature)).containsExactlyInAnyOrder("from", "to", "subject", "date", "message-id",
				"mime-version", "content-type");
	}

	@Test
	void aChangedBodyFailsVerification() throws Exception {
		String wire = text(messages.build(session, delivery("d-1", "Welcome, Ann", "Ann")));
		assertThat(wire).contains("your order shipped");

		byte[] tampered = bytes(wire.replaceFirst("your order shipped", "your order is lost"));

		assertThatExceptionOfType(PermFailException.class).isThrownBy(() -> verifier.verify(tampered))
			.withMessageContaining("body");
	}

	@Test
	void aChangedSubjectFailsVerification() throws Exception {
		String wire = text(messages.build(session, delivery("d-1", "Welcome, Ann", "Ann")));
		assertThat(wire).contains("Subject: Welcome, Ann\r\n");

		byte[] tampered = bytes(wire.replace("Subject: Welcome, Ann\r\n", "Subject: Welcome, Bob\r\n"));

		assertThatExceptionOfType(PermFailException.class).isThrownBy(() -> verifier.verify(tampered));
	}

	@Test
	void aSignatureForAnotherSelectorFindsNoKey() throws Exception {
		byte[] wire = wire(messages.build(session, delivery("d-1", "Welcome, Ann", "Ann")));

		JamesDkimVerifier otherSelector = new JamesDkimVerifier(KEYS.getPublic(), "shop.example", "other");

		assertThatExceptionOfType(PermFailException.class).isThrownBy(() -> otherSelector.verify(wire));
	}

	@Test
	void theSignedMessageKeepsTheRowsMessageIdEvenThroughSaveChanges() throws Exception {
		MimeMessage signed = messages.build(session, delivery("d-7", "Welcome, Ann", "Ann"));

		signed.saveChanges();

		assertThat(signed.getMessageID()).isEqualTo("<d-7@shop.example>");
		byte[] wire = wire(signed);
		assertThat(new String(wire, StandardCharsets.US_ASCII)).containsOnlyOnce("Message-ID: <d-7@shop.example>\r\n");
		assertThat(verifier.verify(wire)).hasSize(1);
	}

	@Test
	void nonAsciiSubjectNameAndBodyStillVerify() throws Exception {
		ClaimedDelivery delivery = new ClaimedDelivery("d-2", "<d-2@shop.example>", "c-2", EmailCategory.TRANSACTIONAL,
				null, "anne@example.com", "Änne Müller", "Europe/Berlin", "Grüße aus Köln 🎉, Änne",
				"<html><body><p>Schöne Grüße – " + "sehr lange Zeile ".repeat(80) + "</p></body></html>",
				"Schöne Grüße\n\n\n", 1, Instant.now(), null);

		assertThat(verifier.verify(wire(messages.build(session, delivery)))).hasSize(1);
	}

	@Test
	void signsListUnsubscribeWhenPresentAndNothingOutsideTheConfiguredHeaders() throws Exception {
		MimeMessage unsigned = new MimeMessages(DELIVERY, Clock.systemUTC()).build(session,
				delivery("d-3", "News", "Ann"));
		unsigned.setHeader("List-Unsubscribe", "<https://shop.example/u/abc>");
		unsigned.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		unsigned.setHeader("Reply-To", "help@shop.example");
		unsigned.setHeader("X-Campaign", "spring");
		unsigned.saveChanges();

		String wire = text(dkim.sign(unsigned));

		SignatureRecord signature = single(verifier.verify(bytes(wire)));
		assertThat(headerNames(signature)).contains("list-unsubscribe", "list-unsubscribe-post")
			.doesNotContain("reply-to", "x-campaign");
		assertThat(verifier.verify(bytes(wire.replace("X-Campaign: spring", "X-Campaign: autumn")))).hasSize(1);
		assertThatExceptionOfType(PermFailException.class)
			.isThrownBy(() -> verifier.verify(bytes(wire.replace("shop.example/u/abc", "evil.example/u/abc"))));
	}

	@Test
	void workersSigningAtTheSameTimeEachProduceAValidSignature() throws Exception {
		int threads = 4;
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		CyclicBarrier start = new CyclicBarrier(threads);
		try {
			List<Future<List<byte[]>>> batches = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String worker = "w" + t;
				batches.add(workers.submit(() -> {
					start.await();
					List<byte[]> wires = new ArrayList<>();
					for (int i = 0; i < 40; i++) {
						wires.add(wire(messages.build(session, delivery(worker + "-" + i, "Mail " + i, "Ann"))));
					}
					return wires;
				}));
			}
			for (Future<List<byte[]>> batch : batches) {
				for (byte[] wire : batch.get()) {
					assertThat(verifier.verify(wire)).hasSize(1);
				}
			}
		}
		finally {
			workers.shutdownNow();
		}
	}

	@Test
	void unsignedWhenDkimIsOff() throws Exception {
		MimeMessages unsigned = new MimeMessages(DELIVERY, Clock.systemUTC(), DkimSigning.off());

		assertThat(text(unsigned.build(session, delivery("d-1", "Welcome, Ann", "Ann"))))
			.doesNotContain("DKIM-Signature");
	}

	static ClaimedDelivery delivery(String id, String subject, String name) {
		return new ClaimedDelivery(id, "<" + id + "@shop.example>", "c-1", EmailCategory.MARKETING, "newsletter",
				"ann@example.com", name, null, subject,
				"<html><body><p>Hi " + name + ", your order shipped.</p></body></html>",
				"Hi " + name + ", your order shipped.\n", 1, Instant.now(), null);
	}

	static byte[] wire(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}

	static List<String> headerNames(SignatureRecord signature) {
		return signature.getHeaders().stream().map(name -> name.toString().toLowerCase()).toList();
	}

	private static SignatureRecord single(List<SignatureRecord> signatures) {
		assertThat(signatures).hasSize(1);
		return signatures.get(0);
	}

	private static String text(MimeMessage message) throws Exception {
		return new String(wire(message), StandardCharsets.US_ASCII);
	}

	private static byte[] bytes(String wire) {
		return wire.getBytes(StandardCharsets.US_ASCII);
	}

}
