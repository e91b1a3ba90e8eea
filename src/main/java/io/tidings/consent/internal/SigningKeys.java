package io.tidings.consent.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import java.util.Optional;

import io.tidings.consent.ConsentProperties;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys links are signed with. A configured key wins; otherwise the first node to need
 * one makes a random key and stores it, and every node uses the newest stored key that is
 * not retired. Retiring a key revokes the links it signed.
 */
@Component
class SigningKeys {

	static final String CONFIGURED = "env";

	private static final Duration CACHE_FOR = Duration.ofMinutes(1);

	private volatile Cached cached;

	private record Cached(Key key, Instant until) {
	}

	private final JdbcTemplate jdbc;

	private final ConsentProperties properties;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	SigningKeys(JdbcTemplate jdbc, ConsentProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = transactions == null ? null : new TransactionTemplate(transactions);
		if (ownTransaction != null) {
			ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		}
		this.properties = properties;
		this.clock = clock;
	}

	record Key(String id, byte[] secret) {
	}

	/**
	 * Every marketing mail asks for it, so the stored key is kept for a minute: a key
	 * made or retired on another node is seen within that time.
	 */
	Key current() {
		if (hasConfiguredKey()) {
			return new Key(CONFIGURED, properties.tokenKey().getBytes(StandardCharsets.UTF_8));
		}
		Cached cached = this.cached;
		if (cached != null && clock.instant().isBefore(cached.until())) {
			return cached.key();
		}
		Key key = load();
		this.cached = new Cached(key, clock.instant().plus(CACHE_FOR));
		return key;
	}

	private Key load() {
		List<Key> keys = jdbc.query(
				"SELECT id, secret FROM consent_keys WHERE retired_at IS NULL ORDER BY created_at DESC, id DESC",
				(rs, row) -> new Key(rs.getString("id"), Base64.getDecoder().decode(rs.getString("secret"))));
		return keys.isEmpty() ? create() : keys.get(0);
	}

	Optional<Key> find(String id) {
		if (CONFIGURED.equals(id)) {
			return hasConfiguredKey() ? Optional.of(current()) : Optional.empty();
		}
		return jdbc
			.query("SELECT id, secret FROM consent_keys WHERE id = ? AND retired_at IS NULL",
					(rs, row) -> new Key(rs.getString("id"), Base64.getDecoder().decode(rs.getString("secret"))), id)
			.stream()
			.findFirst();
	}

	/**
	 * In a transaction of its own: the first mail asks for the key inside the journey's
	 * transaction, and a key that rolled back with it must not be cached and signed with.
	 */
	private Key create() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			ownTransaction.executeWithoutResult(
					status -> jdbc.update("INSERT INTO consent_keys (id, secret, created_at) VALUES ('k1', ?, ?)",
							Base64.getEncoder().encodeToString(secret), Timestamp.from(clock.instant())));
		}
		catch (DuplicateKeyException anotherNodeMadeIt) {
			return load();
		}
		return new Key("k1", secret);
	}

	private boolean hasConfiguredKey() {
		return properties.tokenKey() != null && !properties.tokenKey().isBlank();
	}

}
