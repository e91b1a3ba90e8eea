package io.tidings.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first administrator, created in Camunda's identity store at start-up (Cockpit and
 * the APIs). The engine is not built until these are valid, so a missing password never
 * becomes a user.
 */
@Validated
@ConfigurationProperties("tidings.admin")
public record AdminProperties(@NotBlank(message = "must be set (TIDINGS_ADMIN_USER)") String user,
		@NotBlank(message = "must be set (TIDINGS_ADMIN_PASSWORD)") @Pattern(regexp = "(?s)(?!.*\\$\\{).*",
				message = "must be set (TIDINGS_ADMIN_PASSWORD), not a reference to an unset variable") String password) {
}
