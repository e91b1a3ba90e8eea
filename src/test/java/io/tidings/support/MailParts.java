package io.tidings.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The decoded HTML and plain-text parts of a received mail. */
public final class MailParts {

	private MailParts() {
	}

	public static String htmlOf(Part mail) throws Exception {
		return partOf(mail, "text/html");
	}

	public static String textOf(Part mail) throws Exception {
		return partOf(mail, "text/plain");
	}

	private static String partOf(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = partOf(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
