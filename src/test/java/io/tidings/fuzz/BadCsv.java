package io.tidings.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Bad contact-import files: a wrong, empty, duplicated or binary header, ragged rows,
 * broken quoting, invalid addresses, huge cells, BOMs, NUL, invalid UTF-8 and binary
 * noise, mixed line ends; plus byte-level damage to a valid file and the wrong
 * Content-Type. An import is all or nothing: a file with a bad row is a 400 that stores
 * nothing, like every other bad input.
 */
final class BadCsv {

	static final String CSV = "text/csv";

	static final String SEED = "id,email,firstName,locale,timeZone,birthday,plan\r\n"
			+ "fz-ann,ann@example.com,Ann,en,Europe/Amsterdam,1990-04-02,pro\r\n"
			+ "fz-bob,bob@example.com,Bob,de,Europe/Berlin,--05-17,free\r\n";

	private static final List<String> HEADERS = List.of("id,email", "email,firstName", "id,id,email", "id,email,email",
			"", ",,,", "\"id,email", "id;email", "id\temail", "ID,EMAIL,\u0000",
			"id,email,firstName," + "x".repeat(5000), "id,email,birthday,birthday", "\uFEFF\uFEFFid,email", "<html>",
			"{\"id\": 1}", "id,\"email");

	private BadCsv() {
	}

	static Arbitrary<BadInput> files() {
		return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.randomValue(BadCsv::rows)),
				Tuple.of(3, Arbitraries.randomValue(BadCsv::header)),
				Tuple.of(2, BadBytes.of(SEED.getBytes(StandardCharsets.UTF_8), CSV)),
				Tuple.of(1,
						Arbitraries
							.of("application/json", "text/plain", "text/csv; charset=ISO-8859-1",
									"multipart/form-data; boundary=x", "application/octet-stream")
							.map(type -> BadInput.of("csv:wrong-content-type", type, SEED))));
	}

	private static BadInput header(Random random) {
		String header = HEADERS.get(random.nextInt(HEADERS.size()));
		return switch (random.nextInt(4)) {
			case 0 -> BadInput.of("csv:bad-header", CSV, header + "\r\nfz-1,one@example.com\r\n");
			case 1 -> BadInput.of("csv:only-header", CSV, header);
			case 2 -> new BadInput("csv:binary-header", CSV, BadBytes.randomBytes(random, 512));
			default -> BadInput.of("csv:blank-lines-then-header", CSV, "\r\n".repeat(1 + random.nextInt(3)) + header);
		};
	}

	private static BadInput rows(Random random) {
		List<String> lines = new ArrayList<>(List.of(SEED.split("\r\n")));
		int row = 1 + random.nextInt(lines.size() - 1);
		String line = lines.get(row);
		String kind;
		switch (random.nextInt(12)) {
			case 0 -> {
				lines.set(row, line + ",extra,cells");
				kind = "csv:ragged-long";
			}
			case 1 -> {
				lines.set(row, line.substring(0, line.indexOf(',')));
				kind = "csv:ragged-short";
			}
			case 2 -> {
				lines.set(row, "\"" + line);
				kind = "csv:unclosed-quote";
			}
			case 3 -> {
				lines.set(row, line.replaceFirst(",", ",x\"y\","));
				kind = "csv:stray-quote";
			}
			case 4 -> {
				lines.set(row, line.replaceFirst("[^,]+@[^,]+",
						Matcher.quoteReplacement(Words.lookalike(random).replace(",", ""))));
				kind = "csv:invalid-email";
			}
			case 5 -> {
				lines.set(row, line.replaceFirst(",", ",\"" + "y".repeat(1_000 + random.nextInt(200_000)) + "\","));
				kind = "csv:huge-cell";
			}
			case 6 -> {
				lines.set(row, line.replaceFirst(",", ",\u0000"));
				kind = "csv:nul";
			}
			case 7 -> {
				lines.add(0, "\uFEFF" + lines.remove(0));
				lines.set(row, "\uFEFF" + line);
				kind = "csv:bom";
			}
			case 8 -> {
				lines.set(row, line.replace(",", "," + Words.unicode(random).replace(",", "") + ","));
				kind = "csv:unicode";
			}
			case 9 -> {
				String[] cells = line.split(",", -1);
				cells[random.nextInt(cells.length)] = Words.lookalike(random).replace(",", "");
				lines.set(row, String.join(",", cells));
				kind = "csv:bad-cell";
			}
			case 10 -> {
				return new BadInput("csv:binary-row", CSV,
						concat(String.join("\r\n", lines.subList(0, row)) + "\r\n", BadBytes.randomBytes(random, 256)));
			}
			default -> {
				return BadInput.of("csv:mixed-line-ends", CSV,
						String.join(random.nextBoolean() ? "\r" : "\n\r", lines));
			}
		}
		return BadInput.of(kind, CSV, String.join("\r\n", lines) + "\r\n");
	}

	private static byte[] concat(String head, byte[] tail) {
		byte[] start = head.getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + tail.length];
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(tail, 0, body, start.length, tail.length);
		return body;
	}

}
