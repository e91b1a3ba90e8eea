package io.tidings.fuzz;

import java.util.List;
import java.util.Random;

/** Text a fuzzer writes into fields: plain, odd, hostile or merely unexpected. */
final class Words {

	private static final List<String> LOOKALIKES = List.of("2024-13-45", "1990-02-30", "PT2X", "P-1D", "-PT1H",
			"Mars/Olympus", "UTC+25", "xx-XX-xx-1234567890", "' OR 1=1 --", "<script>alert(1)</script>",
			"../../etc/passwd", "${jndi:ldap://x}", "#{7*7}", "${7*7}", "NaN", "Infinity", "null", "true",
			"@example.com", "ann@", "ann@@example.com", "ann@example..com", "ann example@example.com",
			"\"quoted\"@example.com", "ann@[127.0.0.1]", "ann@localhost", "ann@xn--80ak6aa92e.com",
			"Ann <ann@example.com>", "ann@example.com\r\nBcc: eve@example.com", "%00", "%ff%fe", "\\u0000", "😀",
			"\u202Eexample.com", "🙂@example.com", "ÅÄÖ@exämple.com", "0", "-0", "1e999", "0x1F", "01-01", "--01-01",
			"9999-12-31", "0000-00-00", "hard_bounce ", "MANUAL\u0000");

	private Words() {
	}

	static String text(Random random) {
		return random.nextInt(4) == 0 ? lookalike(random) : "w" + Long.toString(random.nextLong() & 0xffffff, 36);
	}

	static String lookalike(Random random) {
		return LOOKALIKES.get(random.nextInt(LOOKALIKES.size()));
	}

	static String unicode(Random random) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 1 + random.nextInt(40); i++) {
			int codePoint = random.nextInt(0x10FFFF);
			if (Character.isValidCodePoint(codePoint) && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
				text.appendCodePoint(codePoint);
			}
		}
		return text.append('\uFEFF').append('\u200B').toString();
	}

	static String unknownName(Random random) {
		return List.of("emial", "Email", "ID", "__proto__", "constructor", "extra", "", " ", "a.b", "$where")
			.get(random.nextInt(10));
	}

}
