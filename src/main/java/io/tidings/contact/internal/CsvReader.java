package io.tidings.contact.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time, holding no more than one record: quoted fields
 * with commas, line breaks and doubled quotes, CRLF, LF or CR line ends, and a leading
 * byte order mark. A record longer than the limit is still read to its end, so the next
 * one starts in the right place, but comes back without its cells.
 */
final class CsvReader {

	private static final int EOF = -1;

	private final Reader in;

	private final int maxRecordChars;

	private final char[] buffer = new char[64 * 1024];

	private final StringBuilder cell = new StringBuilder();

	private int position;

	private int limit;

	private long line = 1;

	private boolean started;

	/**
	 * @param line the line of the file the record starts on
	 * @param problem why the record cannot be used as it is, or null
	 */
	record Record(List<String> cells, long line, String problem) {

		boolean blank() {
			return problem == null && cells.size() == 1 && cells.get(0).isEmpty();
		}

	}

	CsvReader(Reader in, int maxRecordChars) {
		this.in = in;
		this.maxRecordChars = maxRecordChars;
	}

	/** The line the reader has reached, for messages about a file that broke off. */
	long line() {
		return line;
	}

	/**
	 * @return the next record, or null at the end of the input
	 * @throws MalformedCsv when the input ends inside a quoted field
	 */
	Record next() throws IOException {
		int c = read();
		if (!started) {
			started = true;
			if (c == '\uFEFF') {
				c = read();
			}
		}
		if (c == EOF) {
			return null;
		}
		long startLine = line;
		List<String> cells = new ArrayList<>();
		long chars = 0;
		String problem = null;
		while (true) {
			cell.setLength(0);
			if (c == '"') {
				long quoteLine = line;
				while (true) {
					c = read();
					if (c == EOF) {
						throw new MalformedCsv("a quoted field that opens on line " + quoteLine + " is never closed");
					}
					if (c == '"') {
						c = read();
						if (c != '"') {
							break;
						}
					}
					chars++;
					append(c, chars);
					countLine(c);
				}
				if (c != ',' && c != '\r' && c != '\n' && c != EOF && problem == null) {
					problem = "has text after the closing quote of cell " + (cells.size() + 1)
							+ "; a quote inside a quoted cell must be doubled";
				}
			}
			while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
				chars++;
				append(c, chars);
				c = read();
			}
			chars++;
			if (chars <= maxRecordChars) {
				cells.add(cell.toString());
			}
			if (c != ',') {
				break;
			}
			c = read();
		}
		endOfLine(c);
		if (chars > maxRecordChars) {
			return new Record(List.of(), startLine, "is longer than " + maxRecordChars + " characters");
		}
		if (cells.stream().anyMatch(text -> text.indexOf('\u0000') >= 0)) {
			// PostgreSQL cannot store NUL in text, not even in the rejected row kept
			// for the caller, so it is the row's problem, shown as U+FFFD.
			cells.replaceAll(text -> text.replace('\u0000', '\uFFFD'));
			problem = problem != null ? problem : "holds a NUL character, which no cell may";
		}
		return new Record(cells, startLine, problem);
	}

	private void append(int c, long chars) {
		if (chars <= maxRecordChars) {
			cell.append((char) c);
		}
	}

	private void endOfLine(int c) throws IOException {
		if (c == '\r') {
			if (peek() == '\n') {
				read();
			}
			line++;
		}
		else if (c == '\n') {
			line++;
		}
	}

	/** Counts a line break inside a quoted field: LF, or CR not followed by LF. */
	private void countLine(int c) throws IOException {
		if (c == '\n' || (c == '\r' && peek() != '\n')) {
			line++;
		}
	}

	private int read() throws IOException {
		if (position == limit && !fill()) {
			return EOF;
		}
		return buffer[position++];
	}

	private int peek() throws IOException {
		if (position == limit && !fill()) {
			return EOF;
		}
		return buffer[position];
	}

	private boolean fill() throws IOException {
		int n;
		do {
			n = in.read(buffer, 0, buffer.length);
		}
		while (n == 0);
		if (n < 0) {
			return false;
		}
		position = 0;
		limit = n;
		return true;
	}

	/** The input breaks the format in a way no later record can recover from. */
	static class MalformedCsv extends IOException {

		MalformedCsv(String message) {
			super(message);
		}

	}

}
