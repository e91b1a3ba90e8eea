package io.tidings.platform;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodyBytes the largest request body {@code /api/**} reads; larger ones get a
 * 400
 */
@Validated
@ConfigurationProperties("tidings.api")
public record ApiProperties(@Min(1024) int maxBodyBytes) {
}
