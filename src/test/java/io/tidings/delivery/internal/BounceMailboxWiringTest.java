package io.tidings.delivery.internal;

import java.time.Duration;

import io.tidings.delivery.BounceMailboxProperties;
import io.tidings.support.FreePort;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounce mailbox settings as application.yml gives them: off by default (so no
 * {@link AsyncBounceHandler} is needed), and when on, a login is required.
 */
class BounceMailboxWiringTest {

	final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(Poller.class);

	@Test
	void offByDefaultWithSafeSettings() {
		contexts.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(BounceMailboxPoller.class);
			BounceMailboxProperties settings = context.getBean(BounceMailboxProperties.class);
			assertThat(settings.enabled()).isFalse();
			assertThat(settings.ssl()).isTrue();
			assertThat(settings.port()).isEqualTo(993);
			assertThat(settings.folder()).isEqualTo("INBOX");
			assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(60));
			assertThat(settings.processedFolder()).isEmpty();
			assertThat(settings.ignoredFolder()).isEmpty();
		});
	}

	@Test
	void enabledWithoutALoginRefusesToStart() {
		contexts.withUserConfiguration(Handler.class)
			.withPropertyValues("tidings.delivery.bounce-mailbox.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("tidings.delivery.bounce-mailbox")
				.hasStackTraceContaining("TIDINGS_BOUNCE_IMAP_USER"));
	}

	@Test
	void enabledWithALoginRunsThePoller() {
		contexts.withUserConfiguration(Handler.class)
			.withPropertyValues("tidings.delivery.bounce-mailbox.enabled=true",
					"tidings.delivery.bounce-mailbox.host=127.0.0.1",
					"tidings.delivery.bounce-mailbox.port=" + FreePort.find(),
					"tidings.delivery.bounce-mailbox.user=bounces", "tidings.delivery.bounce-mailbox.password=secret")
			.run((context) -> assertThat(context.getBean(BounceMailboxPoller.class).isRunning()).isTrue());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BounceMailboxProperties.class)
	@Import(BounceMailboxPoller.class)
	static class Poller {

	}

	@Configuration(proxyBeanMethods = false)
	static class Handler {

		@Bean
		AsyncBounceHandler handler() {
			return (messageId, recipient, diagnostic) -> false;
		}

		@Bean
		ComplaintHandler complaints() {
			return (report) -> null;
		}

	}

}
