package io.tidings.contact.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictUtf8ReaderTest {

	@Test
	void decodesUtf8IncludingCharactersSplitAcrossReads() throws IOException {
		String text = "José 😀 ".repeat(20_000);
		StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
		StringBuilder read = new StringBuilder();
		char[] buffer = new char[7];
		for (int n = reader.read(buffer, 0, buffer.length); n >= 0; n = reader.read(buffer, 0, buffer.length)) {
			read.append(buffer, 0, n);
		}
		assertThat(read.toString()).isEqualTo(text);
	}

	@Test
	void handsOutWhatComesBeforeABadByteThenRefuses() throws IOException {
		byte[] latin1 = "id\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(latin1));
		char[] buffer = new char[100];
		assertThat(new String(buffer, 0, reader.read(buffer, 0, 100))).isEqualTo("id\nJos");
		assertThatThrownBy(() -> reader.read(buffer, 0, 100)).isInstanceOf(MalformedInputException.class);
	}

	@Test
	void refusesASequenceCutOffAtTheEnd() {
		byte[] cut = { 'a', (byte) 0xC3 };
		StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(cut));
		char[] buffer = new char[10];
		assertThatThrownBy(() -> {
			while (reader.read(buffer, 0, 10) >= 0) {
				// read to the end
			}
		}).isInstanceOf(MalformedInputException.class);
	}

}
