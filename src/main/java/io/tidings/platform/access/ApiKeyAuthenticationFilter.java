package io.tidings.platform.access;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}. A key
 * that is unknown, revoked or malformed ends the request with a 401 at once; it is never
 * handed on to the password check, so a wrong key cannot trip Camunda's login throttling
 * for anybody. Requests without a key go on to HTTP Basic. Not a bean: it runs inside the
 * security filter chain only.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private static final String BEARER = "Bearer ";

	private final ApiKeys keys;

	private final AuthenticationEntryPoint entryPoint;

	public ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
		this.keys = keys;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> secret = secret(request);
		if (secret.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiKey> key = keys.authenticate(secret.get());
		if (key.isEmpty()) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API key"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api-key:" + key.get().id(), null,
				Role.authorities(key.get().grantedRoles())));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	private static Optional<String> secret(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.of(authorization.substring(BEARER.length()).strip());
		}
		return Optional.ofNullable(request.getHeader(HEADER)).map(String::strip);
	}

}
