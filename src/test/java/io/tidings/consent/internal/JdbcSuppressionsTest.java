package io.tidings.consent.internal;

import java.time.Clock;

import io.tidings.consent.EmailCategory;
import io.tidings.consent.SuppressionReason;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suppression list on the real schema: what each reason blocks, addresses compared
 * without case, and a hard bounce never softened by a later, weaker reason.
 */
@JdbcTest
@Import({ JdbcSuppressions.class, JdbcSuppressionsTest.Config.class })
class JdbcSuppressionsTest {

	@Autowired
	JdbcSuppressions suppressions;

	@Test
	void aHardBounceBlocksEveryMail() {
		suppressions.suppress("gone@example.com", SuppressionReason.HARD_BOUNCE, "550 5.1.1 User unknown");

		assertThat(suppressions.blockReason("gone@example.com", EmailCategory.MARKETING))
			.hasValue("suppressed: hard_bounce");
		assertThat(suppressions.blockReason("gone@example.com", EmailCategory.TRANSACTIONAL))
			.hasValue("suppressed: hard_bounce");
	}

	@Test
	void aComplaintOrManualBlockStopsMarketingOnly() {
		suppressions.suppress("angry@example.com", SuppressionReason.COMPLAINT, "feedback loop");

		assertThat(suppressions.blockReason("angry@example.com", EmailCategory.MARKETING)).isPresent();
		assertThat(suppressions.blockReason("angry@example.com", EmailCategory.TRANSACTIONAL)).isEmpty();
		assertThat(suppressions.blockReason("someone.else@example.com", EmailCategory.MARKETING)).isEmpty();
	}

	@Test
	void addressesAreComparedWithoutCase() {
		suppressions.suppress("  Mixed.Case@Example.COM", SuppressionReason.MANUAL, null);

		assertThat(suppressions.find("mixed.case@example.com")).isPresent();
		assertThat(suppressions.blockReason("MIXED.CASE@example.com", EmailCategory.MARKETING)).isPresent();
	}

	@Test
	void aHardBounceIsNotSoftenedButAWeakerReasonIsHardened() {
		suppressions.suppress("both@example.com", SuppressionReason.HARD_BOUNCE, "550 no such user");
		suppressions.suppress("both@example.com", SuppressionReason.MANUAL, "operator");
		assertThat(suppressions.find("both@example.com").orElseThrow().reason())
			.isEqualTo(SuppressionReason.HARD_BOUNCE);
		assertThat(suppressions.find("both@example.com").orElseThrow().detail()).isEqualTo("550 no such user");

		suppressions.suppress("later@example.com", SuppressionReason.MANUAL, "operator");
		suppressions.suppress("later@example.com", SuppressionReason.HARD_BOUNCE, "550 gone");
		assertThat(suppressions.find("later@example.com").orElseThrow().reason())
			.isEqualTo(SuppressionReason.HARD_BOUNCE);
	}

	@TestConfiguration
	static class Config {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
