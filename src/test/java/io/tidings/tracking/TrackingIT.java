package io.tidings.tracking;

import io.tidings.support.EmbeddedPostgresDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Open and click tracking on PostgreSQL, the production database. */
class TrackingIT extends TrackingScenarios {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
	}

}
