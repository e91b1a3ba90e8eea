package io.tidings.platform;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * Parses JSON like Jackson's own factory, but a NUL character ({@code \u0000}) in any
 * string or member name is a parse error: PostgreSQL cannot store NUL in text, so letting
 * it through turns a caller's bad input into our 500 wherever the text reaches the
 * database (an attribute, a segment rule, a lookup key).
 */
class NoNulJsonFactory extends JsonFactory {

	private static final long serialVersionUID = 1L;

	@Override
	protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
		return new NoNulParser(super._createParser(in, context));
	}

	@Override
	protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
		return new NoNulParser(super._createParser(reader, context));
	}

	@Override
	protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
			throws IOException {
		return new NoNulParser(super._createParser(data, offset, length, context, recyclable));
	}

	@Override
	protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
		return new NoNulParser(super._createParser(data, offset, length, context));
	}

	@Override
	protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
		return new NoNulParser(super._createParser(input, context));
	}

	@Override
	public JsonFactory copy() {
		return new NoNulJsonFactory();
	}

	private static final class NoNulParser extends JsonParserDelegate {

		NoNulParser(JsonParser parser) {
			super(parser);
		}

		@Override
		public JsonToken nextToken() throws IOException {
			JsonToken token = super.nextToken();
			if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
				check(token == JsonToken.FIELD_NAME ? super.currentName() : super.getText());
			}
			return token;
		}

		@Override
		public JsonToken nextValue() throws IOException {
			JsonToken token = nextToken();
			return token == JsonToken.FIELD_NAME ? nextToken() : token;
		}

		@Override
		public String nextFieldName() throws IOException {
			return JsonToken.FIELD_NAME == nextToken() ? super.currentName() : null;
		}

		@Override
		public boolean nextFieldName(com.fasterxml.jackson.core.SerializableString name) throws IOException {
			return JsonToken.FIELD_NAME == nextToken() && name.getValue().equals(super.currentName());
		}

		@Override
		public String nextTextValue() throws IOException {
			return JsonToken.VALUE_STRING == nextToken() ? super.getText() : null;
		}

		@Override
		public int nextIntValue(int defaultValue) throws IOException {
			return JsonToken.VALUE_NUMBER_INT == nextToken() ? super.getIntValue() : defaultValue;
		}

		@Override
		public long nextLongValue(long defaultValue) throws IOException {
			return JsonToken.VALUE_NUMBER_INT == nextToken() ? super.getLongValue() : defaultValue;
		}

		@Override
		public Boolean nextBooleanValue() throws IOException {
			JsonToken token = nextToken();
			return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
		}

		private void check(String text) throws JsonParseException {
			if (text != null && text.indexOf('\u0000') >= 0) {
				throw new JsonParseException(this, "a NUL character (\\u0000) is not allowed in text");
			}
		}

	}

}
