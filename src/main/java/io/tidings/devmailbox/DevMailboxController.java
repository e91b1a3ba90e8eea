package io.tidings.devmailbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The developer's view of the captured mail: newest first, each with its rendered HTML,
 * text part and headers. Exists only while the embedded SMTP server does.
 */
@Controller
@ConditionalOnProperty(name = "tidings.dev-mailbox.enabled", havingValue = "true")
class DevMailboxController {

	private final EmbeddedSmtpServer server;

	DevMailboxController(EmbeddedSmtpServer server) {
		this.server = server;
	}

	@GetMapping("/dev/mailbox/messages")
	@ResponseBody
	List<CapturedMail> messages() {
		return newestFirst();
	}

	@GetMapping("/dev/mailbox")
	String mailbox(Model model) {
		model.addAttribute("mails", newestFirst());
		return "dev/mailbox";
	}

	@GetMapping("/dev/mailbox/{number}")
	String mail(@PathVariable int number, Model model) {
		List<MimeMessage> received = server.received();
		if (number < 1 || number > received.size()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No captured mail #" + number);
		}
		model.addAttribute("mail", MailReader.read(number, received.get(number - 1)));
		return "dev/mail";
	}

	@PostMapping("/dev/mailbox/clear")
	String clear() {
		server.clear();
		return "redirect:/dev/mailbox";
	}

	private List<CapturedMail> newestFirst() {
		List<MimeMessage> received = server.received();
		List<CapturedMail> mails = new ArrayList<>(received.size());
		for (int i = received.size() - 1; i >= 0; i--) {
			mails.add(MailReader.read(i + 1, received.get(i)));
		}
		return mails;
	}

}
