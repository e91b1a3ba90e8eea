package io.tidings.journey.internal;

import io.tidings.platform.AdminProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

import org.springframework.stereotype.Component;

/**
 * Camunda creates the first administrator while the engine is built, from
 * {@code camunda.bpm.admin-user}. As an engine plugin this bean is made before the
 * engine, and it needs the validated {@link AdminProperties}: a blank or unresolved
 * password stops start-up before any user exists.
 */
@Component
class AdminSettingsFirst extends AbstractProcessEnginePlugin {

	AdminSettingsFirst(AdminProperties admin) {
		// Binding and validating the properties is the point; nothing else to do.
	}

}
