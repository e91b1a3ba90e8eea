package io.tidings.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import io.tidings.support.BoundProperties;
import io.tidings.support.DkimKeys;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A DKIM misconfiguration is refused while the settings are bound, with a message that
 * says what to fix, so it stops start-up instead of failing each mail.
 */
class DkimPropertiesTest {

	static final KeyPair KEYS = DkimKeys.generate("RSA", 2048);

	static final String PEM = DkimKeys.pem(KEYS.getPrivate());

	@TempDir
	Path dir;

	@Test
	void offByDefaultNeedsNothingAndSignsTheUsualHeaders() {
		DkimProperties dkim = new DkimProperties(false, "", " ", "", "", null);

		assertThat(dkim.selector()).isNull();
		assertThat(dkim.signedHeaders()).containsExactly("From", "To", "Subject", "Date", "Message-ID", "MIME-Version",
				"Content-Type", "List-Unsubscribe", "List-Unsubscribe-Post");
	}

	@Test
	void enabledWithoutAKeyIsRefused() {
		refused(() -> inline(null)).withMessageContaining("enabled but has no private key")
			.withMessageContaining("TIDINGS_DKIM_PRIVATE_KEY_FILE")
			.withMessageContaining("TIDINGS_DKIM_PRIVATE_KEY");
	}

	@Test
	void enabledWithABlankSelectorIsRefused() {
		refused(() -> new DkimProperties(true, null, "  ", null, PEM, null))
			.withMessageContaining("enabled but has no selector")
			.withMessageContaining("TIDINGS_DKIM_SELECTOR");
	}

	@Test
	void twoKeysAreRefused() throws Exception {
		Path file = Files.writeString(dir.resolve("dkim.pem"), PEM);

		refused(() -> new DkimProperties(true, null, "mail2025", file.toString(), PEM, null))
			.withMessageContaining("not both");
	}

	@Test
	void garbageIsNotAKey() {
		refused(() -> inline("correct horse battery staple"))
			.withMessage("The DKIM private key in TIDINGS_DKIM_PRIVATE_KEY is not PEM: expected a PKCS#8 RSA key "
					+ "between '-----BEGIN PRIVATE KEY-----' and '-----END PRIVATE KEY-----'");
	}

	@Test
	void aDamagedKeyIsNamedAsSuch() {
		refused(() -> inline("-----BEGIN PRIVATE KEY-----\nnot*base64!\n-----END PRIVATE KEY-----"))
			.withMessageContaining("is damaged")
			.withMessageContaining("not valid base64");
	}

	@Test
	void validBase64ThatIsNoKeyIsRefused() {
		refused(() -> inline(DkimKeys.pem("PRIVATE KEY", "hello".getBytes())))
			.withMessageContaining("is not an RSA private key");
	}

	@Test
	void aPkcs1KeyGetsTheCommandThatConvertsIt() {
		refused(() -> inline(DkimKeys.pem("RSA PRIVATE KEY", new byte[] { 1, 2, 3 })))
			.withMessageContaining("is a PKCS#1 'RSA PRIVATE KEY'")
			.withMessageContaining("openssl pkcs8 -topk8 -nocrypt");
	}

	@Test
	void anEncryptedKeyIsRefused() {
		refused(() -> inline(DkimKeys.pem("ENCRYPTED PRIVATE KEY", new byte[] { 1, 2, 3 })))
			.withMessageContaining("is encrypted");
	}

	@Test
	void aPublicKeyIsNotThePrivateKey() {
		refused(() -> inline(DkimKeys.pem("PUBLIC KEY", KEYS.getPublic().getEncoded())))
			.withMessageContaining("holds a 'PUBLIC KEY', not a private key");
	}

	@Test
	void anEcKeyIsNotRsa() {
		refused(() -> inline(DkimKeys.pem(DkimKeys.generate("EC", 256).getPrivate())))
			.withMessageContaining("is not an RSA private key");
	}

	@Test
	void aWeakKeyIsRefused() {
		refused(() -> inline(DkimKeys.pem(DkimKeys.generate("RSA", 512).getPrivate())))
			.withMessageContaining("is an RSA key of 512 bits; DKIM needs at least 1024");
	}

	@Test
	void aMissingKeyFileIsNamed() {
		Path missing = dir.resolve("nowhere.pem");

		refused(() -> new DkimProperties(true, null, "mail2025", missing.toString(), null, null))
			.withMessage("The DKIM private key file " + missing + " (TIDINGS_DKIM_PRIVATE_KEY_FILE) does not exist");
	}

	@Test
	void aKeyFileIsRead() throws Exception {
		Path file = Files.writeString(dir.resolve("dkim.pem"), PEM);

		DkimProperties dkim = new DkimProperties(true, null, "mail2025", file.toString(), null, null);

		assertThat(dkim.signingKey().getEncoded()).isEqualTo(KEYS.getPrivate().getEncoded());
	}

	@Test
	void anInlineKeySqueezedOntoOneLineIsRead() {
		String oneLine = PEM.strip().replace("\n", "\\n");

		assertThat(inline(oneLine).signingKey().getEncoded()).isEqualTo(KEYS.getPrivate().getEncoded());
	}

	@Test
	void signedHeadersWithoutFromAreRefused() {
		refused(() -> new DkimProperties(false, null, null, null, null, List.of("To", "Subject")))
			.withMessageContaining("must include From");
	}

	@Test
	void theSigningDomainDefaultsToTheSendersDomain() {
		DeliveryProperties delivery = BoundProperties.bind(DeliveryProperties.class, "tidings.delivery",
				Map.of("from-address", "hello@news.shop.example"));

		assertThat(inline(PEM).signingDomain(delivery)).isEqualTo("news.shop.example");
		assertThat(new DkimProperties(true, "shop.example", "mail2025", null, PEM, null).signingDomain(delivery))
			.isEqualTo("shop.example");
	}

	@Test
	void anInlineKeyStaysOutOfToString() {
		assertThat(inline(PEM).toString()).contains("privateKey=(hidden)").doesNotContain("PRIVATE KEY");
	}

	@Test
	void aMisconfigurationStopsStartUpWithTheMessage() {
		contextWith("tidings.delivery.dkim.enabled=true", "tidings.delivery.dkim.selector=mail2025",
				"tidings.delivery.dkim.private-key=garbage")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("TIDINGS_DKIM_PRIVATE_KEY is not PEM"));
	}

	@Test
	void aSelectorThatIsNoDnsNameStopsStartUp() {
		contextWith("tidings.delivery.dkim.enabled=true", "tidings.delivery.dkim.selector=mail 2025!",
				"tidings.delivery.dkim.private-key=" + PEM)
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("TIDINGS_DKIM_SELECTOR"));
	}

	@Test
	void aCompleteConfigurationStarts() {
		contextWith("tidings.delivery.dkim.enabled=true", "tidings.delivery.dkim.selector=mail2025",
				"tidings.delivery.dkim.private-key=" + PEM)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(DkimProperties.class)
				.extracting(DkimProperties::selector)
				.isEqualTo("mail2025"));
	}

	private static DkimProperties inline(String pem) {
		return new DkimProperties(true, null, "mail2025", null, pem, null);
	}

	private static ThrowableAssertAlternative<IllegalArgumentException> refused(Runnable binding) {
		return assertThatIllegalArgumentException().isThrownBy(binding::run);
	}

	private static ApplicationContextRunner contextWith(String... properties) {
		return new ApplicationContextRunner().withUserConfiguration(DkimOnly.class).withPropertyValues(properties);
	}

	@EnableConfigurationProperties(DkimProperties.class)
	static class DkimOnly {

	}

}
