package io.tidings.contact.internal;

import io.tidings.support.EmbeddedPostgresDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SegmentQueriesTests} on PostgreSQL, the production database. */
class SegmentQueriesOnPostgresIT extends SegmentQueriesTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
	}

}
