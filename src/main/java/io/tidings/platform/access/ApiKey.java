package io.tidings.platform.access;

import java.time.Instant;
import java.util.List;

/**
 * A machine client's key as listed: never its secret.
 */
public record ApiKey(String id, String name, List<String> roles, Instant createdAt, String createdBy,
		Instant lastUsedAt) {

	List<Role> grantedRoles() {
		return roles.stream().map(role -> Role.of(role).orElseThrow()).toList();
	}

}
