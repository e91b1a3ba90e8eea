package io.tidings.platform.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * API keys kept as SHA-256 hashes of 256-bit random secrets: the database never holds a
 * usable key. A fast hash is enough for secrets this long; no password-style slowness or
 * lock-out is needed, and a wrong key costs one indexed lookup and locks nobody out.
 */
@Repository
public class ApiKeys {

	static final String SECRET_PREFIX = "tdk_";

	/** How often a key's last use is written: not on every event of a busy client. */
	private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiKeys(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public IssuedApiKey issue(String name, List<Role> roles, String createdBy) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String id = UUID.randomUUID().toString();
		Instant now = clock.instant();
		List<String> roleIds = roles.stream().distinct().sorted().map(Role::id).toList();
		jdbc.update(
				"INSERT INTO api_keys (id, name, roles, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
				id, name, String.join(",", roleIds), hash(secret), Timestamp.from(now), createdBy);
		return new IssuedApiKey(new ApiKey(id, name, roleIds, now, createdBy, null), secret);
	}

	/** The keys not revoked, oldest first. */
	public List<ApiKey> list() {
		return jdbc.query("SELECT * FROM api_keys WHERE revoked_at IS NULL ORDER BY created_at, id", ApiKeys::key);
	}

	/** Revokes a key at once: the next request with it is refused. */
	public boolean revoke(String id) {
		return jdbc.update("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
				Timestamp.from(clock.instant()), id) == 1;
	}

	/** The live key with this secret, and its use noted. */
	public Optional<ApiKey> authenticate(String secret) {
		if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(secret);
		List<Stored> found = jdbc.query("SELECT * FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL",
				(rs, row) -> new Stored(key(rs, row), rs.getString("secret_hash")), hash);
		if (found.isEmpty() || !MessageDigest.isEqual(bytes(found.get(0).hash()), bytes(hash))) {
			return Optional.empty();
		}
		ApiKey key = found.get(0).key();
		Instant now = clock.instant();
		jdbc.update("UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
				Timestamp.from(now), key.id(), Timestamp.from(now.minus(LAST_USE_PRECISION)));
		return Optional.of(key);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static ApiKey key(ResultSet rs, int row) throws SQLException {
		Timestamp lastUsed = rs.getTimestamp("last_used_at");
		return new ApiKey(rs.getString("id"), rs.getString("name"), Arrays.asList(rs.getString("roles").split(",")),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				lastUsed == null ? null : lastUsed.toInstant());
	}

	private record Stored(ApiKey key, String hash) {
	}

}
