package io.tidings.platform.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a caller may do. People log in with HTTP Basic as Camunda users and get the roles
 * of their Camunda groups; machines send an API key that names its roles. A role brings
 * the ones below it: {@code admin} can do everything, {@code api} everything but
 * administration.
 */
public enum Role {

	/**
	 * Post events ({@code /api/events}, {@code /api/events/batch}) and correlate
	 * messages.
	 */
	EVENTS,

	/**
	 * Read our API ({@code GET /api/**}), the dashboard and the engine's instances and
	 * incidents.
	 */
	READER,

	/** Everything under {@code /api/**} but API keys: reads, events and changes. */
	API,

	/**
	 * API keys, Cockpit, Admin, Tasklist, the whole engine REST API, Actuator, the
	 * mailbox.
	 */
	ADMIN;

	/**
	 * Camunda's own administrators' group: its members are Tidings administrators too.
	 */
	static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

	/**
	 * Groups {@code tidingsEvents}, {@code tidingsReader}, {@code tidingsApi} and
	 * {@code tidingsAdmin} grant one role each (Camunda's ids allow letters and digits
	 * only).
	 */
	static final String GROUP_PREFIX = "tidings";

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> of(String id) {
		for (Role role : values()) {
			if (role.id().equals(id)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	/** The roles the members of these Camunda groups have. */
	public static Set<Role> ofGroups(Collection<String> groupIds) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String group : groupIds) {
			if (group.equals(CAMUNDA_ADMIN_GROUP)) {
				roles.add(ADMIN);
			}
			else if (group.startsWith(GROUP_PREFIX)) {
				of(group.substring(GROUP_PREFIX.length()).toLowerCase(Locale.ROOT)).ifPresent(roles::add);
			}
		}
		return roles;
	}

	/** Spring Security authorities for these roles and every role they bring. */
	public static Set<SimpleGrantedAuthority> authorities(Collection<Role> roles) {
		Set<Role> granted = EnumSet.noneOf(Role.class);
		for (Role role : roles) {
			granted.addAll(role.implied());
		}
		Set<SimpleGrantedAuthority> authorities = new LinkedHashSet<>();
		granted.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
		return authorities;
	}

	private Set<Role> implied() {
		return switch (this) {
			case EVENTS -> EnumSet.of(EVENTS);
			case READER -> EnumSet.of(READER);
			case API -> EnumSet.of(API, READER, EVENTS);
			case ADMIN -> EnumSet.allOf(Role.class);
		};
	}

}
