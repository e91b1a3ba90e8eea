package io.tidings.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A log file under {@code target/chaos/} that a server writes to and the harness marks
 * its own steps in (start, kill, stop), so a person reading it sees what happened when.
 */
final class ChaosLog {

	private final Path path;

	private ChaosLog(Path path) {
		this.path = path;
	}

	/** {@code target/chaos/<name>.log}, emptied of any earlier run. */
	static ChaosLog fresh(String name) {
		ChaosLog log = new ChaosLog(ChaosFiles.directory().resolve(name + ".log"));
		try {
			Files.deleteIfExists(log.path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return log;
	}

	Path path() {
		return path;
	}

	/** Where a child process appends its output. */
	ProcessBuilder.Redirect appendingRedirect() {
		return ProcessBuilder.Redirect.appendTo(path.toFile());
	}

	void mark(String event) {
		try {
			Files.writeString(path, "\n==== " + event + " ====\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
