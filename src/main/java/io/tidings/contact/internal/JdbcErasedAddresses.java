package io.tidings.contact.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidings.contact.ErasedAddresses;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcErasedAddresses implements ErasedAddresses {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	JdbcErasedAddresses(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void remember(String email) {
		// Insert-if-absent in SQL that H2 and PostgreSQL both accept; a second erasure of
		// the same address keeps the first date.
		jdbc.update("""
				INSERT INTO erased_addresses (address_hash, erased_at)
				SELECT CAST(:hash AS VARCHAR(64)), CAST(:at AS TIMESTAMP WITH TIME ZONE) FROM (VALUES (1)) AS one(x)
				WHERE NOT EXISTS (SELECT 1 FROM erased_addresses WHERE address_hash = :hash)""",
				new MapSqlParameterSource("hash", ErasedAddresses.hash(email)).addValue("at",
						Timestamp.from(clock.instant())));
	}

	@Override
	public Optional<Instant> erasedAt(String email) {
		return jdbc
			.query("SELECT erased_at FROM erased_addresses WHERE address_hash = :hash",
					new MapSqlParameterSource("hash", ErasedAddresses.hash(email)),
					(rs, row) -> rs.getTimestamp("erased_at").toInstant())
			.stream()
			.findFirst();
	}

	@Override
	public boolean forget(String email) {
		return jdbc.update("DELETE FROM erased_addresses WHERE address_hash = :hash",
				new MapSqlParameterSource("hash", ErasedAddresses.hash(email))) > 0;
	}

	@Override
	public Set<String> erasedAmong(Collection<String> emails) {
		Map<String, List<String>> byHash = emails.stream()
			.distinct()
			.collect(Collectors.groupingBy(ErasedAddresses::hash));
		if (byHash.isEmpty()) {
			return Set.of();
		}
		Set<String> erased = new HashSet<>();
		jdbc.getJdbcTemplate().query(connection -> {
			PreparedStatement statement = connection
				.prepareStatement("SELECT address_hash FROM erased_addresses WHERE address_hash = ANY(?)");
			statement.setArray(1, connection.createArrayOf("VARCHAR", byHash.keySet().toArray()));
			return statement;
		}, (RowCallbackHandler) rs -> erased.addAll(byHash.get(rs.getString("address_hash"))));
		return erased;
	}

}
