package io.tidings.platform;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first administrator, created in Camunda's identity store at start-up (Cockpit and
 * the APIs).
 */
@Validated
@ConfigurationProperties("tidings.admin")
public record AdminProperties(@NotBlank String user, @NotBlank String password) {
}
