package io.tidings.devmailbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * GreenMail listening where the default profile's SMTP settings point, so a developer
 * sees every mail the journeys send without a mail server. Starts before and stops after
 * the delivery workers.
 */
@Component
@ConditionalOnProperty(name = "tidings.dev-mailbox.enabled", havingValue = "true")
public class EmbeddedSmtpServer implements SmartLifecycle {

	private final GreenMail greenMail;

	private volatile boolean running;

	EmbeddedSmtpServer(DevMailboxProperties properties) {
		this.greenMail = new GreenMail(
				new ServerSetup(properties.smtpPort(), properties.smtpHost(), ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
	}

	@Override
	public void start() {
		greenMail.start();
		running = true;
	}

	@Override
	public void stop() {
		greenMail.stop();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	/** Everything received so far, in arrival order. */
	public List<MimeMessage> received() {
		return new ArrayList<>(Arrays.asList(greenMail.getReceivedMessages()));
	}

	public void clear() {
		try {
			greenMail.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException("Could not empty the developer mailbox", ex);
		}
	}

}
