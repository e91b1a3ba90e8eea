package io.tidings.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/tidings-*.jar}) as a separate JVM on the
 * {@code postgres} profile, as an operator runs it: so a test can kill it hard, start it
 * again on the same database, or run two of them side by side. Its output goes to
 * {@code target/chaos/<name>.log}, appended across restarts.
 *
 * <p>
 * The settings that decide how fast a dead node's work is taken over are short here
 * (delivery lease 10 s, Camunda job lock 15 s, retries from 500 ms, batches of 10), so a
 * test sees the recovery within seconds; {@link #with} overrides any of them.
 */
public final class AppProcess implements AutoCloseable {

	public static final String ADMIN_USER = "admin";

	public static final String ADMIN_PASSWORD = "chaos-admin";

	/** What the JVM reports for a process ended by SIGKILL: 128 + 9. */
	static final int KILLED_BY_SIGKILL = 137;

	/** What the JVM reports for a process that ended of SIGTERM: 128 + 15. */
	public static final int STOPPED_BY_SIGTERM = 143;

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

	private final String name;

	private final int port = FreePort.find();

	private final Map<String, String> environment = new LinkedHashMap<>();

	private final Map<String, String> properties = new LinkedHashMap<>();

	private final ChaosLog log;

	private Process process;

	private int starts;

	private AppProcess(String name, String jdbcUrl, int smtpPort) {
		this.name = name;
		this.log = ChaosLog.fresh(name);
		environment.put("TIDINGS_DB_URL", jdbcUrl);
		environment.put("TIDINGS_DB_USER", "postgres");
		environment.put("TIDINGS_DB_PASSWORD", "");
		environment.put("TIDINGS_DB_POOL_SIZE", "10");
		environment.put("TIDINGS_SMTP_HOST", "127.0.0.1");
		environment.put("TIDINGS_SMTP_PORT", Integer.toString(smtpPort));
		environment.put("TIDINGS_PORT", Integer.toString(port));
		environment.put("TIDINGS_ADMIN_USER", ADMIN_USER);
		environment.put("TIDINGS_ADMIN_PASSWORD", ADMIN_PASSWORD);
		environment.put("TIDINGS_SENDER_POSTAL_ADDRESS", "Tidings Test Ltd, 1 Chaos Lane, Testville");
		// No DNS here (every name is unknown to this machine's resolver): syntax and
		// lists only.
		environment.put("TIDINGS_ADDRESS_CHECK_DNS", "false");
		properties.put("tidings.delivery.lease", "10s");
		// A worker's whole batch must go out well within its lease: 10 mails in 10 s.
		// SlowRelayIT shows what happens to a batch that outlasts it.
		properties.put("tidings.delivery.batch-size", "10");
		properties.put("tidings.delivery.poll-interval", "200ms");
		properties.put("tidings.delivery.first-retry-delay", "500ms");
		properties.put("camunda.bpm.job-execution.lock-time-in-millis", "15000");
		Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-" + name));
	}

	/** A node on the given database, sending to the given SMTP port on this machine. */
	public static AppProcess node(String name, String jdbcUrl, int smtpPort) {
		return new AppProcess(name, jdbcUrl, smtpPort);
	}

	/** Sets a Spring property on the command line, where it outranks every profile. */
	public AppProcess with(String property, String value) {
		properties.put(property, value);
		return this;
	}

	public int port() {
		return port;
	}

	public Path log() {
		return log.path();
	}

	public ApiClient api() {
		return ApiClient.as(port, ADMIN_USER, ADMIN_PASSWORD);
	}

	/** Starts the JVM and waits until {@code /actuator/health/readiness} answers 200. */
	public AppProcess start() {
		launch();
		awaitReady();
		return this;
	}

	private void launch() {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException(name + " is already running");
		}
		starts++;
		ProcessBuilder builder = new ProcessBuilder(command());
		builder.environment().putAll(environment);
		builder.redirectErrorStream(true);
		builder.redirectOutput(log.appendingRedirect());
		log.mark("start #" + starts + " of " + name + " at " + Instant.now() + " on port " + port);
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	private void awaitReady() {
		ApiClient anonymous = ApiClient.anonymous(port);
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						name + " exited with " + process.exitValue() + " before it was ready; see " + log);
			}
			try {
				if (anonymous.get("/actuator/health/readiness").statusCode() == 200) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// Not listening yet.
			}
			Pause.pause(Duration.ofMillis(250));
		}
		throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + "; see " + log);
	}

	/**
	 * Ends the JVM with SIGKILL: no shutdown hook, no graceful stop, nothing released.
	 * {@link Process#destroyForcibly()} is SIGKILL on Linux; the exit status proves it.
	 */
	public void kill() {
		process.destroyForcibly();
		int status = waitForExit(Duration.ofSeconds(30));
		log.mark("killed with SIGKILL at " + Instant.now() + ", exit status " + status);
		if (status != KILLED_BY_SIGKILL) {
			throw new IllegalStateException(name + " did not die of SIGKILL: exit status " + status);
		}
	}

	/**
	 * Asks the JVM to stop (SIGTERM), which runs Spring's graceful shutdown, and waits up
	 * to a minute for it before killing it.
	 * @return the exit status: {@value #STOPPED_BY_SIGTERM} when it ended of the SIGTERM
	 */
	public int stop() {
		if (process == null || !process.isAlive()) {
			return -1;
		}
		process.destroy();
		int status = waitForExit(Duration.ofSeconds(60));
		log.mark("stopped with SIGTERM at " + Instant.now() + ", exit status " + status);
		return status;
	}

	/** The running JVM's process id. */
	public long pid() {
		return process.pid();
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
			waitForExit(Duration.ofSeconds(30));
		}
	}

	private List<String> command() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// Small on purpose: two of these, the test JVM, PostgreSQL and Maven share two
		// cores.
		command.add("-Xmx384m");
		command.add("-XX:+UseSerialGC");
		command.add("-jar");
		command.add(jar().toString());
		command.add("--spring.profiles.active=postgres");
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		return command;
	}

	private static Path jar() {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(file -> file.getFileName().toString().matches("tidings-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No target/tidings-*.jar: integration tests run after 'package' (./mvnw verify)"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int waitForExit(Duration timeout) {
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				process.waitFor();
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
