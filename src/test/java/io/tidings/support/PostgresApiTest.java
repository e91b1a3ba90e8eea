package io.tidings.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the integration tests over HTTP share: a database of their own on the embedded
 * PostgreSQL, the running application's port, and a client logged in as the demo user. A
 * subclass adds {@code @SpringBootTest(webEnvironment = RANDOM_PORT, ...)}.
 */
public abstract class PostgresApiTest {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgresDatabase.register(registry);
	}

	protected final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected ApiClient api;

	@BeforeEach
	void logIn() {
		api = ApiClient.as(port, "demo", "demo");
	}

}
