package io.tidings.tracking;

/**
 * Who fetched a pixel or followed a link, as the request tells it; either may be null.
 */
public record Visitor(String ip, String userAgent) {

	private static final int MAX_IP = 64;

	private static final int MAX_USER_AGENT = 512;

	public Visitor {
		ip = cut(ip, MAX_IP);
		userAgent = cut(userAgent, MAX_USER_AGENT);
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
