package io.tidings.contact;

import io.tidings.support.EmbeddedPostgresDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contact import on PostgreSQL, the production database. */
class ContactImportIT extends ContactImportScenarios {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
	}

}
