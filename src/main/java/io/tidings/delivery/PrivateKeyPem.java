package io.tidings.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the DKIM private key, a PKCS#8 RSA key in PEM form, and says exactly what is
 * wrong when it cannot.
 */
final class PrivateKeyPem {

	private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
			Pattern.DOTALL);

	private static final String TO_PKCS8 = "openssl pkcs8 -topk8 -nocrypt -in old.pem -out dkim.pem";

	private static final int MIN_BITS = 1024;

	private PrivateKeyPem() {
	}

	static RSAPrivateKey read(String file, String inline) {
		if (file != null) {
			String source = "The DKIM private key file " + file + " (TIDINGS_DKIM_PRIVATE_KEY_FILE)";
			return parse(readFile(Path.of(file), source), source);
		}
		return parse(inline, "The DKIM private key in TIDINGS_DKIM_PRIVATE_KEY");
	}

	private static String readFile(Path file, String source) {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalArgumentException(source + " does not exist");
		}
		catch (AccessDeniedException ex) {
			throw new IllegalArgumentException(source + " is not readable by this process");
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(source + " cannot be read: " + ex, ex);
		}
	}

	static RSAPrivateKey parse(String pem, String source) {
		Matcher block = BLOCK.matcher(pem);
		if (!block.find()) {
			throw new IllegalArgumentException(source
					+ " is not PEM: expected a PKCS#8 RSA key between '-----BEGIN PRIVATE KEY-----' and '-----END PRIVATE KEY-----'");
		}
		String type = block.group(1);
		switch (type) {
			case "PRIVATE KEY" -> {
			}
			case "RSA PRIVATE KEY" -> throw new IllegalArgumentException(
					source + " is a PKCS#1 'RSA PRIVATE KEY'; convert it to PKCS#8 with: " + TO_PKCS8);
			case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(
					source + " is encrypted with a passphrase; give it unencrypted, e.g. with: " + TO_PKCS8);
			default -> throw new IllegalArgumentException(source + " holds a '" + type
					+ "', not a private key: expected '-----BEGIN PRIVATE KEY-----' (PKCS#8 RSA)");
		}
		byte[] der;
		try {
			// A PEM squeezed into one environment variable line often carries literal
			// "\n".
			der = Base64.getDecoder().decode(block.group(2).replace("\\n", "").replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(source + " is damaged: the text between its BEGIN and END lines "
					+ "is not valid base64 (" + ex.getMessage() + ")");
		}
		RSAPrivateKey key;
		try {
			key = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalArgumentException(
					source + " is not an RSA private key (only RSA keys are supported): " + ex.getMessage());
		}
		if (key.getModulus().bitLength() < MIN_BITS) {
			throw new IllegalArgumentException(source + " is an RSA key of " + key.getModulus().bitLength()
					+ " bits; DKIM needs at least " + MIN_BITS + " (RFC 8301), 2048 is usual");
		}
		return key;
	}

}
