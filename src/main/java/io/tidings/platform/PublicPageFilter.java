package io.tidings.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the pages recipients reach without a login ({@link PublicPageProperties}): a
 * per-address rate limit, and security headers on every answer. The pages run no script
 * and are never framed; their only inline code is the style block, so the policy allows
 * inline styles and nothing else. The client address is {@code getRemoteAddr()}, which
 * Tomcat takes from X-Forwarded-For only when
 * {@code server.forward-headers-strategy=native} and the proxy is trusted
 * ({@code server.tomcat.remoteip.internal-proxies}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicPageFilter extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	private final PublicPageProperties properties;

	private final ClientBuckets buckets;

	PublicPageFilter(PublicPageProperties properties) {
		this.properties = properties;
		PublicPageProperties.RateLimit limit = properties.rateLimit();
		this.buckets = new ClientBuckets(limit.burst(), limit.refillTime(), limit.maxClients(), System::nanoTime);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// The decoded, normalised path the controllers are matched on: the raw URI would
		// let
		// /%75/{token} or /t/./o/{token} slip past a prefix check.
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		return properties.paths().stream().noneMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityHeaders guarded = new SecurityHeaders(response);
		if (properties.rateLimit().enabled()) {
			Duration wait = buckets.take(request.getRemoteAddr());
			if (!wait.isZero()) {
				tooMany(guarded, wait);
				return;
			}
		}
		chain.doFilter(request, guarded);
	}

	/**
	 * Sets the headers and keeps them: Spring Security's header writers, further down,
	 * would otherwise replace X-Frame-Options with the SAMEORIGIN that Cockpit needs.
	 */
	private static final class SecurityHeaders extends HttpServletResponseWrapper {

		private static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
				"X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer");

		SecurityHeaders(HttpServletResponse response) {
			super(response);
			HEADERS.forEach(response::setHeader);
		}

		@Override
		public void setHeader(String name, String value) {
			if (!guarded(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!guarded(name)) {
				super.addHeader(name, value);
			}
		}

		private static boolean guarded(String name) {
			return HEADERS.keySet().stream().anyMatch(header -> header.equalsIgnoreCase(name));
		}

	}

	private static void tooMany(HttpServletResponse response, Duration wait) throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream().write("Too many requests; try again later.\n".getBytes(StandardCharsets.UTF_8));
	}

}
