package io.tidings.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL server of the test's own (io.zonky embedded binaries) that can be stopped
 * and started again: the data directory is kept under {@code target/chaos/} and the port
 * stays the same, so clients reconnect to the same URL and find their data. A stop is
 * PostgreSQL's "fast" shutdown: open connections are cut, committed work is kept. The
 * server's own output goes to {@code target/chaos/<name>-postgres.log}.
 */
public final class PostgresServer implements AutoCloseable {

	private final Path dataDirectory;

	private final ChaosLog log;

	private final int port = FreePort.find();

	private EmbeddedPostgres server;

	private PostgresServer(String name) {
		this.dataDirectory = ChaosFiles.directory().resolve(name + "-pgdata");
		this.log = ChaosLog.fresh(name + "-postgres");
	}

	/** A new, empty server in {@code target/chaos/<name>-pgdata}. */
	public static PostgresServer fresh(String name) {
		PostgresServer postgres = new PostgresServer(name);
		postgres.deleteDataDirectory();
		postgres.start();
		Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "stop-" + name + "-postgres"));
		return postgres;
	}

	public synchronized void start() {
		if (server != null) {
			throw new IllegalStateException("PostgreSQL is already running on port " + port);
		}
		try {
			server = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setOutputRedirector(log.appendingRedirect())
				.setErrorRedirector(log.appendingRedirect())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL on port " + port, ex);
		}
	}

	public synchronized void stop() {
		if (server == null) {
			return;
		}
		try {
			server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			server = null;
		}
	}

	public int port() {
		return port;
	}

	/** Creates a database and returns its JDBC URL. */
	public String createDatabase(String name) {
		admin().execute("CREATE DATABASE " + name);
		return jdbcUrl(name);
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
	}

	/** Plain JDBC to a database, as user postgres; a new connection per statement. */
	public JdbcTemplate jdbc(String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl(database));
		dataSource.setUser("postgres");
		return new JdbcTemplate(dataSource);
	}

	/** When the running server process started: a restart changes it. */
	public Timestamp startedAt() {
		return admin().queryForObject("SELECT pg_postmaster_start_time()", Timestamp.class);
	}

	@Override
	public void close() {
		stop();
		deleteDataDirectory();
	}

	private JdbcTemplate admin() {
		return jdbc("postgres");
	}

	private void deleteDataDirectory() {
		if (!Files.exists(dataDirectory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dataDirectory)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
