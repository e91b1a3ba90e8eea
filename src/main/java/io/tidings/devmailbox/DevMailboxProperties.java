package io.tidings.devmailbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The default profile's embedded SMTP server that captures every mail, and the page that
 * shows them. Off in the {@code postgres} profile.
 */
@Validated
@ConfigurationProperties("tidings.dev-mailbox")
public record DevMailboxProperties(boolean enabled, @NotBlank String smtpHost, @Min(1) @Max(65535) int smtpPort) {
}
