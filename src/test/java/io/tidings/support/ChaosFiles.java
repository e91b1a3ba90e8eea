package io.tidings.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the chaos tests leave what a person needs to diagnose a run: target/chaos. */
final class ChaosFiles {

	private ChaosFiles() {
	}

	static Path directory() {
		Path directory = Path.of("target", "chaos");
		try {
			return Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
