package io.tidings.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The SMTP relay of an integration test: GreenMail on a free port of 127.0.0.1, without
 * authentication, running for the whole test class. Register it with
 * {@code @RegisterExtension} and point the application at it from a
 * {@code @DynamicPropertySource} with {@link #register}.
 */
public final class SmtpRelay extends GreenMailExtension {

	private final int port;

	private SmtpRelay(int port) {
		super(new ServerSetup(port, "127.0.0.1", "smtp"));
		this.port = port;
		withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		withPerMethodLifecycle(false);
	}

	public static SmtpRelay onFreePort() {
		return new SmtpRelay(FreePort.find());
	}

	public int port() {
		return port;
	}

	/** Makes the application send its mail to this relay. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> port);
	}

}
