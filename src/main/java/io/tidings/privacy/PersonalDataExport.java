package io.tidings.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * A contact's personal data as the GDPR's right of access hands it over.
 *
 * @param sections one per module that holds personal data (contact, events, deliveries,
 * consent, journeys, triggers, broadcasts), the contact's own first
 */
public record PersonalDataExport(String contactId, Instant exportedAt, Map<String, Object> sections) {
}
