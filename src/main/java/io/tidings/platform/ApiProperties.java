package io.tidings.platform;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodyBytes the largest request body {@code /api/**} reads; larger ones get a
 * 400
 * @param maxBatchBodyBytes the same for {@code POST /api/events/batch}
 * @param maxImportBodyBytes the same for {@code POST /api/contacts/import}, which streams
 * the file rather than buffering it
 * @param maxFeedbackReportBytes the same for {@code POST /api/feedback-loop}: an ARF
 * report carries the whole reported mail
 * @param credentialCache how long HTTP Basic credentials that passed the password check
 * are taken without asking the identity service again; zero: every request asks
 */
@Validated
@ConfigurationProperties("tidings.api")
public record ApiProperties(@Min(1024) int maxBodyBytes, @Min(1024) @DefaultValue("16777216") int maxBatchBodyBytes,
		@Min(1024) @DefaultValue("1073741824") long maxImportBodyBytes,
		@Min(1024) @DefaultValue("1048576") int maxFeedbackReportBytes,
		@NotNull @DefaultValue("10s") Duration credentialCache) {

	long limitFor(String path) {
		if (path.endsWith("/api/contacts/import")) {
			return maxImportBodyBytes;
		}
		if (path.endsWith("/api/feedback-loop")) {
			return maxFeedbackReportBytes;
		}
		return path.endsWith("/api/events/batch") ? maxBatchBodyBytes : maxBodyBytes;
	}

}
