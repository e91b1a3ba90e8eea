package io.tidings.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. Our API, Camunda's REST API, the developer mailbox, the dashboard
 * and Actuator (but health) take HTTP Basic against Camunda's identity users,
 * statelessly: a browser asks for the login once and sends it along with the dashboard's
 * own API calls. Cockpit, Admin and Tasklist keep their own session login and CSRF
 * protection, so Spring Security leaves {@code /camunda/**} to them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain machineClients(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
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
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
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

}
