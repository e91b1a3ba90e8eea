package io.tidings.experiment.internal;

import io.tidings.support.EmbeddedPostgresDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link EngagementVariantOutcomesTests} on PostgreSQL, the production database. */
class EngagementVariantOutcomesOnPostgresIT extends EngagementVariantOutcomesTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
	}

}
