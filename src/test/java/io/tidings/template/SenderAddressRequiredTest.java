package io.tidings.template;

import io.tidings.TidingsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The postgres profile, production's, has no placeholder postal address: without
 * TIDINGS_SENDER_POSTAL_ADDRESS it refuses to start and says what to set, rather than
 * send marketing mail without the address the law asks for.
 */
class SenderAddressRequiredTest {

	@Test
	void postgresProfileWithoutPostalAddressRefusesToStart() {
		SpringApplicationBuilder app = new SpringApplicationBuilder(TidingsApplication.class).profiles("postgres");
		// Command-line arguments outrank the profile's own settings, so nothing reaches a
		// real PostgreSQL.
		String[] args = { "--spring.datasource.url=jdbc:h2:mem:no-postal-address;DB_CLOSE_DELAY=-1",
				"--spring.datasource.username=sa", "--spring.datasource.password=", "--server.port=0",
				"--tidings.admin.password=a-real-one", "--tidings.delivery.workers=0",
				"--camunda.bpm.job-execution.enabled=false" };

		assertThatThrownBy(() -> app.run(args)).hasStackTraceContaining("prefix=tidings.sender")
			.hasStackTraceContaining("TIDINGS_SENDER_POSTAL_ADDRESS");
	}

}
