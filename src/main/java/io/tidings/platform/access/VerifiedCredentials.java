package io.tidings.platform.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.GrantedAuthority;

/**
 * HTTP Basic credentials that passed the password check a moment ago, with the
 * authorities they were granted. The check costs the engine's identity service a user
 * query, a group query and a transaction each, on every request, and an API client sends
 * the same credentials with every event (bench/perf). Only successes are remembered,
 * under an HMAC of user and password with a key of this process, never the password
 * itself; a wrong password always reaches the real check and its login throttling. A
 * password changed, a user deleted or moved to another group is seen within
 * {@code maxAge}; zero turns the cache off.
 */
public class VerifiedCredentials {

	/** Distinct users are few; a flood of them must not grow the map. */
	private static final int MAX_ENTRIES = 1000;

	private final long maxAgeNanos;

	private final LongSupplier nanoTime;

	private final SecretKeySpec key;

	private final Map<String, Verified> byCredentials = new ConcurrentHashMap<>();

	public VerifiedCredentials(Duration maxAge) {
		this(maxAge, System::nanoTime);
	}

	VerifiedCredentials(Duration maxAge, LongSupplier nanoTime) {
		this.maxAgeNanos = maxAge.toNanos();
		this.nanoTime = nanoTime;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/** The authorities granted to these credentials, if they were verified recently. */
	public Optional<List<GrantedAuthority>> find(String user, String password) {
		if (maxAgeNanos <= 0) {
			return Optional.empty();
		}
		String id = id(user, password);
		Verified verified = byCredentials.get(id);
		if (verified == null) {
			return Optional.empty();
		}
		if (nanoTime.getAsLong() - verified.at() >= maxAgeNanos) {
			byCredentials.remove(id, verified);
			return Optional.empty();
		}
		return Optional.of(verified.authorities());
	}

	/** Remembers credentials the real check has just accepted. */
	public void remember(String user, String password, Collection<? extends GrantedAuthority> authorities) {
		if (maxAgeNanos <= 0) {
			return;
		}
		if (byCredentials.size() >= MAX_ENTRIES) {
			byCredentials.clear();
		}
		byCredentials.put(id(user, password), new Verified(List.copyOf(authorities), nanoTime.getAsLong()));
	}

	private String id(String user, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update(user.getBytes(StandardCharsets.UTF_8));
			// A separator no user name holds, so ("ab", "c") and ("a", "bc") differ.
			mac.update((byte) 0);
			return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

	private record Verified(List<GrantedAuthority> authorities, long at) {
	}

}
