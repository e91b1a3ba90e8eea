package io.tidings.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the person who just started Tidings where to go next.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private static final String DEMO_PASSWORD = "demo";

	private final Environment environment;

	private final AdminProperties admin;

	StartupReport(Environment environment, AdminProperties admin) {
		this.environment = environment;
		this.admin = admin;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
		boolean mailbox = environment.getProperty("tidings.dev-mailbox.enabled", Boolean.class, false);
		StringBuilder text = new StringBuilder("\n\n  Tidings is running\n");
		text.append("  Cockpit:     ").append(base).append("/camunda/app/cockpit/\n");
		text.append("  Event API:   POST ").append(base).append("/api/events\n");
		text.append("  Engine REST: ").append(base).append("/engine-rest\n");
		if (mailbox) {
			text.append("  Mailbox:     ").append(base).append("/dev/mailbox  (every mail sent is captured here)\n");
		}
		if (DEMO_PASSWORD.equals(admin.password())) {
			text.append("  Login:       ")
				.append(admin.user())
				.append(" / ")
				.append(DEMO_PASSWORD)
				.append("  (the development default; set TIDINGS_ADMIN_PASSWORD anywhere else)\n");
		}
		else {
			text.append("  Login:       user '")
				.append(admin.user())
				.append("' with the password from TIDINGS_ADMIN_PASSWORD\n");
		}
		log.info(text.toString());
	}

}
