package io.tidings.contact.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses anything else, like an {@code InputStreamReader} with a
 * reporting decoder, except that it first hands out every character before the bad byte:
 * the rows before it can still be imported, and the error names the right line. Reads
 * need room for two characters at least.
 */
final class StrictUtf8Reader extends Reader {

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();

	private boolean endOfInput;

	private CharacterCodingException pending;

	StrictUtf8Reader(InputStream in) {
		this.in = in;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (pending != null) {
			throw pending;
		}
		CharBuffer out = CharBuffer.wrap(buffer, offset, length);
		while (true) {
			CoderResult result = decoder.decode(bytes, out, endOfInput);
			int decoded = out.position() - offset;
			if (result.isError()) {
				try {
					result.throwException();
				}
				catch (CharacterCodingException ex) {
					pending = ex;
				}
				if (decoded > 0) {
					return decoded;
				}
				throw pending;
			}
			if (result.isOverflow() || decoded > 0) {
				return decoded;
			}
			if (endOfInput) {
				return -1;
			}
			fill();
		}
	}

	private void fill() throws IOException {
		bytes.compact();
		int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
		if (n < 0) {
			endOfInput = true;
		}
		else {
			bytes.position(bytes.position() + n);
		}
		bytes.flip();
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
