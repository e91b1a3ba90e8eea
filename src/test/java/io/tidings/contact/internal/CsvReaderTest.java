package io.tidings.contact.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import io.tidings.contact.internal.CsvReader.MalformedCsv;
import io.tidings.contact.internal.CsvReader.Record;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

	@Test
	void readsRowsEndedByLfCrlfOrCrAndALastRowWithoutLineEnd() throws IOException {
		List<Record> records = readAll("id,email\na,a@x.io\r\nb,b@x.io\rc,c@x.io");
		assertThat(records).extracting(Record::cells)
			.containsExactly(List.of("id", "email"), List.of("a", "a@x.io"), List.of("b", "b@x.io"),
					List.of("c", "c@x.io"));
		assertThat(records).extracting(Record::line).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void quotedCellsKeepCommasDoubledQuotesAndLineBreaks() throws IOException {
		List<Record> records = readAll("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"crlf\r\ninside\"\nnext,row\n");
		assertThat(records.get(0).cells()).containsExactly("a,b", "say \"hi\"", "two\nlines", "crlf\r\ninside");
		assertThat(records.get(0).problem()).isNull();
		assertThat(records.get(1).cells()).containsExactly("next", "row");
		assertThat(records.get(1).line()).as("the row after two quoted line breaks").isEqualTo(4);
	}

	@Test
	void skipsAByteOrderMarkAtTheStartOnly() throws IOException {
		List<Record> records = readAll("\uFEFFid,name\n\uFEFFx,y\n");
		assertThat(records.get(0).cells()).containsExactly("id", "name");
		assertThat(records.get(1).cells()).containsExactly("\uFEFFx", "y");
	}

	@Test
	void emptyCellsAreEmptyStrings() throws IOException {
		List<Record> records = readAll("a,,c\n,\n\"\",x,\n");
		assertThat(records.get(0).cells()).containsExactly("a", "", "c");
		assertThat(records.get(1).cells()).containsExactly("", "");
		assertThat(records.get(2).cells()).containsExactly("", "x", "");
	}

	@Test
	void shortAndLongRowsComeBackAsTheyAre() throws IOException {
		List<Record> records = readAll("a,b,c\n1,2\n1,2,3,4\n");
		assertThat(records).extracting(record -> record.cells().size()).containsExactly(3, 2, 4);
		assertThat(records).extracting(Record::problem).containsOnlyNulls();
	}

	@Test
	void blankLinesAreBlankRecords() throws IOException {
		List<Record> records = readAll("a\n\nb\n");
		assertThat(records).extracting(Record::blank).containsExactly(false, true, false);
		assertThat(records.get(2).line()).isEqualTo(3);
	}

	@Test
	void aQuoteInsideAnUnquotedCellIsText() throws IOException {
		assertThat(readAll("5'11\",x\n").get(0).cells()).containsExactly("5'11\"", "x");
	}

	@Test
	void textAfterAClosingQuoteSpoilsOnlyThatRow() throws IOException {
		List<Record> records = readAll("\"a\"b,c\nd,e\n");
		assertThat(records.get(0).problem()).contains("after the closing quote of cell 1");
		assertThat(records.get(1).cells()).containsExactly("d", "e");
		assertThat(records.get(1).problem()).isNull();
	}

	@Test
	void aQuoteNeverClosedIsMalformedAndSaysWhereItOpened() throws IOException {
		CsvReader reader = new CsvReader(new StringReader("id\nok\n\"broken\nand on\n"), 1000);
		assertThat(reader.next().cells()).containsExactly("id");
		assertThat(reader.next().cells()).containsExactly("ok");
		assertThatThrownBy(reader::next).isInstanceOf(MalformedCsv.class)
			.hasMessageContaining("opens on line 3 is never closed");
	}

	@Test
	void anOverlongRowIsReadToItsEndAndFlagged() throws IOException {
		String longCell = "\"" + "x".repeat(3000) + "\n,still inside\"";
		List<Record> records = readAll("a,b\n" + longCell + ",z\nc,d\n", 100);
		assertThat(records.get(1).problem()).isEqualTo("is longer than 100 characters");
		assertThat(records.get(1).cells()).isEmpty();
		assertThat(records.get(2).cells()).containsExactly("c", "d");
		assertThat(records.get(2).line()).isEqualTo(4);
	}

	@Test
	void rowsSplitAcrossReadsAndBufferRefillsComeOutWhole() throws IOException {
		StringBuilder csv = new StringBuilder("id,note\r\n");
		for (int i = 0; i < 20_000; i++) {
			csv.append(i).append(",\"n ").append(i).append(" \"\"q\"\"\r\nline2\"\r\n");
		}
		CsvReader reader = new CsvReader(new OneCharAtATime(csv.toString()), 1000);
		reader.next();
		for (int i = 0; i < 20_000; i++) {
			Record record = reader.next();
			assertThat(record.cells()).containsExactly(String.valueOf(i), "n " + i + " \"q\"\r\nline2");
			assertThat(record.line()).isEqualTo(2 + 2L * i);
		}
		assertThat(reader.next()).isNull();
	}

	@Test
	void aNulInAnyCellIsTheRowsProblemAndNeverKept() throws IOException {
		List<Record> records = readAll("id,note\r\na\u0000b,ok\r\nc,\"x\u0000\"\r\nd,fine\r\n");

		assertThat(records.get(0).problem()).isNull();
		assertThat(records.get(1).problem()).isEqualTo("holds a NUL character, which no cell may");
		assertThat(records.get(1).cells()).containsExactly("a\uFFFDb", "ok");
		assertThat(records.get(2).problem()).isEqualTo("holds a NUL character, which no cell may");
		assertThat(records.get(2).cells()).containsExactly("c", "x\uFFFD");
		assertThat(records.get(3).problem()).isNull();
	}

	@Test
	void emptyInputHasNoRecords() throws IOException {
		assertThat(readAll("")).isEmpty();
		assertThat(readAll("\uFEFF")).isEmpty();
	}

	private static List<Record> readAll(String csv) throws IOException {
		return readAll(csv, 1000);
	}

	private static List<Record> readAll(String csv, int maxRecordChars) throws IOException {
		CsvReader reader = new CsvReader(new StringReader(csv), maxRecordChars);
		List<Record> records = new ArrayList<>();
		for (Record record = reader.next(); record != null; record = reader.next()) {
			records.add(record);
		}
		return records;
	}

	/** Hands out one character per read, as a slow network might. */
	private static final class OneCharAtATime extends Reader {

		private final StringReader delegate;

		OneCharAtATime(String text) {
			this.delegate = new StringReader(text);
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			return delegate.read(buffer, offset, Math.min(1, length));
		}

		@Override
		public void close() {
		}

	}

}
