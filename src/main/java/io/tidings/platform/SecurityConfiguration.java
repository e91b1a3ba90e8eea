package io.tidings.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidings.platform.access.ApiKeyAuthenticationFilter;
import io.tidings.platform.access.ApiKeys;
import io.tidings.platform.access.EngineRestProperties;
import io.tidings.platform.access.EngineRestSurface;
import io.tidings.platform.access.ProblemAccessDenied;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may call what. Our API, Camunda's REST API, the developer mailbox, the dashboard
 * and Actuator (but health) take an API key or HTTP Basic against Camunda's identity
 * users, statelessly: a browser asks for the login once and sends it along with the
 * dashboard's own API calls. What a caller may do follows its roles ({@code Role}).
 * Cockpit, Admin and Tasklist keep their own session login and CSRF protection, so Spring
 * Security leaves {@code /camunda/**} to them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain machineClients(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, ApiKeys keys,
			ObjectMapper json) throws Exception {
		// Path matchers of their own: /engine-rest is served by Jersey, not by Spring
		// MVC's dispatcher.
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return http
			.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"),
					paths.matcher("/dev/**"), paths.matcher("/dashboard"), paths.matcher("/dashboard/**"),
					paths.matcher("/actuator/**")))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
				.permitAll()
				.requestMatchers(paths.matcher("/api/api-keys"), paths.matcher("/api/api-keys/**"))
				.hasRole("ADMIN")
				.requestMatchers(paths.matcher(POST, "/api/events"), paths.matcher(POST, "/api/events/batch"),
						paths.matcher(POST, "/engine-rest/message"),
						paths.matcher(POST, "/engine-rest/engine/*/message"))
				.hasRole("EVENTS")
				.requestMatchers(paths.matcher(GET, "/api/**"), paths.matcher(HEAD, "/api/**"),
						paths.matcher(GET, "/dashboard"), paths.matcher(GET, "/dashboard/**"),
						paths.matcher(GET, "/engine-rest/process-instance/**"),
						paths.matcher(GET, "/engine-rest/engine/*/process-instance/**"),
						paths.matcher(GET, "/engine-rest/incident/**"),
						paths.matcher(GET, "/engine-rest/engine/*/incident/**"))
				.hasRole("READER")
				.requestMatchers(paths.matcher("/api/**"))
				.hasRole("API")
				.anyRequest()
				.hasRole("ADMIN"))
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys, entryPoint), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemAccessDenied(json)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
			.build();
	}

	/** After Spring Security: an anonymous caller gets its 401 before any of this. */
	@Bean
	FilterRegistrationBean<EngineRestSurface> engineRestSurface(EngineRestProperties properties, ObjectMapper json) {
		FilterRegistrationBean<EngineRestSurface> registration = new FilterRegistrationBean<>(
				new EngineRestSurface(properties, json));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

}
