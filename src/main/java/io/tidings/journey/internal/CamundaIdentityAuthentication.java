package io.tidings.journey.internal;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity users, the same users that log
 * in to Cockpit. Group memberships become authorities {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

	private final IdentityService identity;

	CamundaIdentityAuthentication(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String user = authentication.getName();
		Object password = authentication.getCredentials();
		if (user == null || user.isEmpty() || !(password instanceof String secret)
				|| !identity.checkPassword(user, secret)) {
			throw new BadCredentialsException("Unknown user or wrong password");
		}
		List<SimpleGrantedAuthority> authorities = identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.map(group -> new SimpleGrantedAuthority("GROUP_" + group))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
