package io.tidings.consent;

import java.time.Instant;
import java.util.List;

/**
 * Published in the transaction that records a confirmed double opt-in, so the journey
 * that sent the confirmation mail hears it.
 */
public record ContactOptedIn(String contactId, List<String> topics, Instant at) {
}
