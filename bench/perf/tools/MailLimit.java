import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The delivery limit: a raw Jakarta Mail loop that sends MAILS pre-rendered messages
 * (HTML and text, about the size of a Tidings mail) over one reused SMTP connection with
 * TCP_NODELAY.
 *
 * <pre>
 * java -cp JAKARTA_MAIL_JARS MailLimit.java HOST PORT MAILS HTML_BYTES
 * </pre>
 *
 * Prints "mails= seconds= per_second=".
 */
public class MailLimit {

	/** Sockets without Nagle's algorithm: no wait for a delayed ACK after each mail. */
	static final class NoDelaySockets extends javax.net.SocketFactory {

		@Override
		public java.net.Socket createSocket() throws java.io.IOException {
			java.net.Socket socket = new java.net.Socket();
			socket.setTcpNoDelay(true);
			return socket;
		}

		@Override
		public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
			java.net.Socket socket = new java.net.Socket(host, port);
			socket.setTcpNoDelay(true);
			return socket;
		}

		@Override
		public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
				throws java.io.IOException {
			java.net.Socket socket = new java.net.Socket(host, port, local, localPort);
			socket.setTcpNoDelay(true);
			return socket;
		}

		@Override
		public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
			java.net.Socket socket = new java.net.Socket(host, port);
			socket.setTcpNoDelay(true);
			return socket;
		}

		@Override
		public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local,
				int localPort) throws java.io.IOException {
			java.net.Socket socket = new java.net.Socket(host, port, local, localPort);
			socket.setTcpNoDelay(true);
			return socket;
		}

	}

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		int mails = Integer.parseInt(args[2]);
		int htmlBytes = Integer.parseInt(args[3]);
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", Integer.toString(port));
		// As Tidings does: without it, each mail waits ~40 ms for a delayed ACK on loopback.
		properties.put("mail.smtp.socketFactory", new NoDelaySockets());
		Session session = Session.getInstance(properties);
		List<MimeMessage> messages = new ArrayList<>(mails);
		String filler = "<p>" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(8) + "</p>\n";
		for (int i = 0; i < mails; i++) {
			MimeMessage message = new MimeMessage(session);
			message.setFrom(new InternetAddress("hello@tidings.localhost", "Tidings"));
			message.setRecipient(Message.RecipientType.TO,
					new InternetAddress("limit" + i + "@example.com", "First" + i + " Last" + i));
			message.setSubject("Welcome, First" + i + "!", "UTF-8");
			StringBuilder html = new StringBuilder("<html><body><h1>Welcome, First" + i + "</h1>\n");
			while (html.length() < htmlBytes) {
				html.append(filler);
			}
			html.append("</body></html>");
			MimeBodyPart text = new MimeBodyPart();
			text.setText(html.toString().replaceAll("<[^>]+>", ""), "UTF-8");
			MimeBodyPart htmlPart = new MimeBodyPart();
			htmlPart.setContent(html.toString(), "text/html; charset=UTF-8");
			MimeMultipart alternative = new MimeMultipart("alternative");
			alternative.addBodyPart(text);
			alternative.addBodyPart(htmlPart);
			message.setContent(alternative);
			message.setHeader("List-Unsubscribe", "<https://tidings.localhost/u/" + i + ">");
			message.saveChanges();
			messages.add(message);
		}
		Transport transport = session.getTransport("smtp");
		transport.connect(host, port, null, null);
		long start = System.nanoTime();
		for (MimeMessage message : messages) {
			transport.sendMessage(message, message.getAllRecipients());
		}
		double took = (System.nanoTime() - start) / 1e9;
		transport.close();
		System.out.printf("mails=%d seconds=%.2f per_second=%.0f%n", mails, took, mails / took);
	}

}
