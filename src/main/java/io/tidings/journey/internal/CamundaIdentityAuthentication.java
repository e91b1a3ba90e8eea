package io.tidings.journey.internal;

import java.util.ArrayList;
import java.util.List;

import io.tidings.platform.ApiProperties;
import io.tidings.platform.access.Role;
import io.tidings.platform.access.VerifiedCredentials;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity users, the same users that log
 * in to Cockpit. Group memberships become authorities {@code GROUP_<id>} and the roles
 * the groups grant ({@code camunda-admin}: admin; {@code tidingsEvents}: events, ...).
 * Credentials that passed are remembered for {@code tidings.api.credential-cache}.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

	private final IdentityService identity;

	private final VerifiedCredentials verified;

	CamundaIdentityAuthentication(IdentityService identity, ApiProperties properties) {
		this.identity = identity;
		this.verified = new VerifiedCredentials(properties.credentialCache());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String user = authentication.getName();
		Object password = authentication.getCredentials();
		if (user == null || user.isEmpty() || !(password instanceof String secret)) {
			throw new BadCredentialsException("Unknown user or wrong password");
		}
		List<GrantedAuthority> known = verified.find(user, secret).orElse(null);
		if (known != null) {
			return UsernamePasswordAuthenticationToken.authenticated(user, null, known);
		}
		if (!identity.checkPassword(user, secret)) {
			throw new BadCredentialsException("Unknown user or wrong password");
		}
		List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		List<GrantedAuthority> authorities = new ArrayList<>();
		groups.forEach(group -> authorities.add(new SimpleGrantedAuthority("GROUP_" + group)));
		authorities.addAll(Role.authorities(Role.ofGroups(groups)));
		verified.remember(user, secret, authorities);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
