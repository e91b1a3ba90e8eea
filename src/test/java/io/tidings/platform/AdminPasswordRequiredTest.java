package io.tidings.platform;

import java.sql.DriverManager;
import java.sql.ResultSet;

import io.tidings.TidingsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The postgres profile has no default admin password: without TIDINGS_ADMIN_PASSWORD it
 * must refuse to start, saying so, and must not have created the user with some
 * accidental password first.
 */
class AdminPasswordRequiredTest {

	@Test
	void postgresProfileWithoutAdminPasswordRefusesToStartAndCreatesNoUser() throws Exception {
		String url = "jdbc:h2:mem:no-admin-password;DB_CLOSE_DELAY=-1";
		SpringApplicationBuilder app = new SpringApplicationBuilder(TidingsApplication.class).profiles("postgres");
		// Command-line arguments outrank the profile's own settings, so nothing reaches a
		// real PostgreSQL.
		String[] args = { "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
				"--spring.datasource.password=", "--server.port=0", "--tidings.delivery.workers=0",
				"--camunda.bpm.job-execution.enabled=false" };

		assertThatThrownBy(() -> app.run(args)).hasStackTraceContaining("tidings.admin.password")
			.hasStackTraceContaining("TIDINGS_ADMIN_PASSWORD");

		try (var connection = DriverManager.getConnection(url, "sa", "");
				ResultSet users = connection.getMetaData().getTables(null, null, "ACT_ID_USER", null)) {
			if (users.next()) {
				try (var count = connection.createStatement().executeQuery("SELECT count(*) FROM ACT_ID_USER")) {
					count.next();
					assertThat(count.getInt(1)).isZero();
				}
			}
		}
	}

}
