package io.tidings.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server for integration tests, started once per test JVM from the
 * binaries that io.zonky.test ships, so {@code ./mvnw verify} needs nothing installed but
 * a JDK. Each caller gets a database of its own.
 */
public final class EmbeddedPostgresDatabase {

	private static EmbeddedPostgres server;

	private static int databases;

	private EmbeddedPostgresDatabase() {
	}

	/** Creates a fresh database and points the application's data source at it. */
	public static synchronized void register(DynamicPropertyRegistry registry) {
		String database = "tidings_" + (++databases);
		try {
			if (server == null) {
				server = EmbeddedPostgres.builder().start();
				Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresDatabase::stop));
			}
			try (var connection = server.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + database);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Could not create database " + database, ex);
		}
		String url = server.getJdbcUrl("postgres", database);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	private static synchronized void stop() {
		try {
			if (server != null) {
				server.close();
			}
		}
		catch (IOException ignored) {
			// The JVM is going away.
		}
	}

}
