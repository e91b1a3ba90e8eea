package io.tidings.consent;

import java.time.Instant;

/**
 * An address no mail of the blocked categories goes to.
 *
 * @param detail what happened, e.g. the SMTP reply of a hard bounce
 */
public record Suppression(String email, SuppressionReason reason, String detail, Instant createdAt) {
}
