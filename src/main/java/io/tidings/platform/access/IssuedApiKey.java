package io.tidings.platform.access;

/**
 * A key just made, with its secret: the only time anyone sees it.
 */
public record IssuedApiKey(ApiKey key, String secret) {
}
