package io.tidings.platform.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Bounds {@code /engine-rest} list queries: a {@code maxResults} above the limit is
 * refused; a query without one gets the limit, as a default page size. Resources that
 * take no {@code maxResults} ignore the added parameter.
 */
final class MaxResults {

	static final String PARAMETER = "maxResults";

	private MaxResults() {
	}

	static Verdict bound(HttpServletRequest request, int limit) {
		String query = request.getQueryString();
		String asked = null;
		if (query != null) {
			for (String pair : query.split("&")) {
				String[] parts = pair.split("=", 2);
				if (decode(parts[0]).equals(PARAMETER)) {
					if (asked != null) {
						return new Verdict(null, "maxResults is given more than once");
					}
					asked = parts.length > 1 ? decode(parts[1]) : "";
				}
			}
		}
		if (asked != null) {
			long value;
			try {
				value = Long.parseLong(asked.strip());
			}
			catch (NumberFormatException ex) {
				return new Verdict(null, "maxResults must be a whole number from 0 to " + limit);
			}
			return value > limit
					? new Verdict(null, "maxResults may be at most " + limit
							+ " here; page through with firstResult (asked for " + value + ")")
					: new Verdict(request, null);
		}
		if (!request.getMethod().equals("GET") && !request.getMethod().equals("POST")) {
			return new Verdict(request, null);
		}
		return new Verdict(new Bounded(request, limit), null);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	record Verdict(HttpServletRequest request, String refusal) {
	}

	/** The request with {@code maxResults=<limit>} added to its query string. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final String limit;

		Bounded(HttpServletRequest request, int limit) {
			super(request);
			this.limit = String.valueOf(limit);
		}

		@Override
		public String getQueryString() {
			String query = super.getQueryString();
			return (query == null || query.isEmpty() ? "" : query + "&") + PARAMETER + "=" + limit;
		}

		@Override
		public String getParameter(String name) {
			return PARAMETER.equals(name) ? limit : super.getParameter(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
			parameters.put(PARAMETER, new String[] { limit });
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return java.util.Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return PARAMETER.equals(name) ? new String[] { limit } : super.getParameterValues(name);
		}

	}

}
