package io.tidings.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Byte-level damage to a valid body, as a coverage-blind fuzzer would do it: cut it
 * short, flip bytes, splice in binary or invalid UTF-8, drop or repeat a stretch.
 */
final class BadBytes {

	private BadBytes() {
	}

	static Arbitrary<BadInput> of(byte[] seed, String contentType) {
		return Arbitraries.randomValue(random -> mutate(seed, contentType, random));
	}

	private static BadInput mutate(byte[] seed, String contentType, Random random) {
		int at = random.nextInt(seed.length);
		return switch (random.nextInt(6)) {
			case 0 -> new BadInput("bytes:truncated", contentType, slice(seed, 0, at));
			case 1 -> {
				byte[] flipped = seed.clone();
				for (int i = 0; i < 1 + random.nextInt(8); i++) {
					flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
				}
				yield new BadInput("bytes:flipped", contentType, flipped);
			}
			case 2 -> new BadInput("bytes:binary", contentType, splice(seed, at, at, randomBytes(random, 64)));
			case 3 -> new BadInput("bytes:invalid-utf8", contentType, splice(seed, at, at,
					new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0 }));
			case 4 -> new BadInput("bytes:nul", contentType, splice(seed, at, at, new byte[] { 0 }));
			default -> {
				int end = Math.min(seed.length, at + 1 + random.nextInt(40));
				yield random.nextBoolean()
						? new BadInput("bytes:dropped", contentType, splice(seed, at, end, new byte[0]))
						: new BadInput("bytes:repeated", contentType, splice(seed, end, end, slice(seed, at, end)));
			}
		};
	}

	static byte[] randomBytes(Random random, int max) {
		byte[] bytes = new byte[1 + random.nextInt(max)];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] slice(byte[] bytes, int from, int to) {
		byte[] part = new byte[to - from];
		System.arraycopy(bytes, from, part, 0, part.length);
		return part;
	}

	private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
		out.write(bytes, 0, from);
		out.write(insert, 0, insert.length);
		out.write(bytes, to, bytes.length - to);
		return out.toByteArray();
	}

}
