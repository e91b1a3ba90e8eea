package io.tidings.platform.access;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Refuses task queries (and the filters that store and run them) whose query string or
 * body carries a JUEL expression, {@code ${...}} or {@code #{...}}, anywhere: in a known
 * {@code ...Expression} parameter, inside {@code orQueries}, in a field name, behind JSON
 * {@code \\u0024} escapes or percent-encoding. Camunda 7 Community has a known
 * expression-injection flaw in task queries through {@code orQueries} that is fixed only
 * in Enterprise patches; the engine's own switches for ad-hoc and stored query
 * expressions stay off as well.
 */
class ExpressionFreeTaskQueries {

	private static final Pattern TASK_QUERY = Pattern
		.compile("/task(/count)?|/filter(/[^/]+(/(list|count|singleResult))?)?");

	/** Task query bodies are small; a larger one is refused rather than buffered. */
	static final int MAX_BODY_BYTES = 256 * 1024;

	private final ObjectMapper json;

	ExpressionFreeTaskQueries(ObjectMapper json) {
		this.json = json;
	}

	static boolean isTaskQuery(String resource) {
		return TASK_QUERY.matcher(resource).matches();
	}

	/**
	 * The request to go on with (its body kept for the REST API to read again), or why it
	 * is refused.
	 */
	Verdict check(HttpServletRequest request) throws IOException {
		String query = request.getQueryString();
		if (query != null) {
			for (String pair : query.split("&")) {
				String decoded;
				try {
					decoded = URLDecoder.decode(pair, StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException ex) {
					return Verdict.refuse("The query string is not valid percent-encoding");
				}
				if (expression(decoded)) {
					return Verdict.refuse("The query parameter '" + decoded.split("=", 2)[0]
							+ "' carries an expression (${ or #{); task queries with expressions are refused");
				}
			}
		}
		if (request.getContentLengthLong() == 0 || request.getMethod().equals("GET")) {
			return Verdict.go(request);
		}
		byte[] body = read(request.getInputStream());
		if (body == null) {
			return Verdict.refuse("A task query body may have at most " + MAX_BODY_BYTES + " bytes");
		}
		String pointer = expressionIn(body);
		if (pointer != null) {
			return Verdict.refuse("The body carries an expression (${ or #{) at " + pointer
					+ "; task queries with expressions, also inside orQueries, are refused");
		}
		return Verdict.go(new BufferedBody(request, body));
	}

	/**
	 * Where in the body an expression is, or null. The raw text is checked as well as the
	 * parsed JSON: text after the first JSON value, or a body that is not JSON, must not
	 * carry one either.
	 */
	private String expressionIn(byte[] body) {
		try {
			JsonNode tree = json.readTree(body);
			String found = tree == null ? null : find(tree, "");
			if (found != null) {
				return found;
			}
		}
		catch (IOException ex) {
			// Not JSON: the REST API will refuse it; the text is still checked below.
		}
		String text = new String(body, StandardCharsets.UTF_8);
		return expression(text) || expression(percentDecoded(text)) ? "the body" : null;
	}

	private static String percentDecoded(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private static String find(JsonNode node, String pointer) {
		if (node.isTextual()) {
			return expression(node.textValue()) ? (pointer.isEmpty() ? "/" : pointer) : null;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = find(node.get(i), pointer + "/" + i);
				if (found != null) {
					return found;
				}
			}
		}
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
				if (expression(field.getKey())) {
					return at;
				}
				String found = find(field.getValue(), at);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static boolean expression(String text) {
		return text.contains("${") || text.contains("#{");
	}

	private static byte[] read(InputStream in) throws IOException {
		byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
		return body.length > MAX_BODY_BYTES ? null : body;
	}

	record Verdict(HttpServletRequest request, String refusal) {

		static Verdict go(HttpServletRequest request) {
			return new Verdict(request, null);
		}

		static Verdict refuse(String why) {
			return new Verdict(null, why);
		}

	}

	/** The request with its body read once and served again from memory. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already read");
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(
					new java.io.InputStreamReader(getInputStream(), getCharacterEncoding() == null
							? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(getCharacterEncoding())));
		}

	}

}
