package io.tidings.contact;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and pace of {@code POST /api/contacts/import}. The body size limit is
 * {@code tidings.api.max-import-body-bytes}, beside the API's other body limits.
 *
 * @param batchSize rows written per transaction
 * @param maxRows data rows one file may hold; the import stops after that many
 * @param maxRowChars characters one row may hold; a longer row is rejected
 */
@Validated
@ConfigurationProperties("tidings.contacts.import")
public record ContactImportProperties(@Min(1) @Max(10_000) @DefaultValue("1000") int batchSize,
		@Min(1) @DefaultValue("10000000") long maxRows, @Min(1024) @DefaultValue("65536") int maxRowChars) {
}
