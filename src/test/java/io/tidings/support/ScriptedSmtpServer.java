package io.tidings.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SMTP server on loopback whose replies a test scripts per recipient: accept,
 * refuse for good (5xx) or for now (4xx, a number of times). It keeps every accepted
 * message, raw, so a test can check what reached the wire.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

	private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");

	private static final Pattern MESSAGE_ID = Pattern.compile("(?mi)^Message-ID:\\s*(<[^>]+>)");

	private final ServerSocket socket;

	private final Map<String, Deque<String>> recipientReplies = new ConcurrentHashMap<>();

	private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

	private volatile String senderReply = "250 2.1.0 Ok";

	public record Accepted(List<String> recipients, String raw) {

		public String messageId() {
			Matcher matcher = MESSAGE_ID.matcher(raw);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

	public ScriptedSmtpServer() {
		try {
			socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::acceptConnections, "scripted-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return socket.getLocalPort();
	}

	/** Every RCPT TO for this address gets this reply (e.g. "550 5.1.1 User unknown"). */
	public void refuse(String recipient, String reply) {
		recipientReplies.put(key(recipient), new ArrayDeque<>(List.of(reply + "!")));
	}

	/**
	 * The next {@code times} RCPT TO for this address get this reply, then it is
	 * accepted.
	 */
	public void refuseTimes(String recipient, int times, String reply) {
		Deque<String> replies = new ArrayDeque<>();
		for (int i = 0; i < times; i++) {
			replies.add(reply);
		}
		recipientReplies.put(key(recipient), replies);
	}

	/** Every MAIL FROM gets this reply; null restores the default acceptance. */
	public void replyToSender(String reply) {
		senderReply = reply == null ? "250 2.1.0 Ok" : reply;
	}

	public void acceptAll() {
		recipientReplies.clear();
		senderReply = "250 2.1.0 Ok";
	}

	public List<Accepted> accepted() {
		return List.copyOf(accepted);
	}

	public List<Accepted> acceptedFor(String recipient) {
		return accepted.stream().filter(mail -> mail.recipients().contains(key(recipient))).toList();
	}

	@Override
	public void close() {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// Closing anyway.
		}
	}

	private void acceptConnections() {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void converse(Socket client) {
		try (client;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
				OutputStream out = client.getOutputStream()) {
			reply(out, "220 scripted.test ESMTP");
			List<String> recipients = new ArrayList<>();
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
				switch (command) {
					case "EHLO", "HELO" -> reply(out, "250 scripted.test");
					case "MAIL" -> {
						recipients.clear();
						reply(out, senderReply);
					}
					case "RCPT" -> reply(out, recipientReply(line, recipients));
					case "DATA" -> {
						reply(out, "354 End data with <CR><LF>.<CR><LF>");
						accepted.add(new Accepted(List.copyOf(recipients), readData(in)));
						reply(out, "250 2.0.0 Ok: queued as " + accepted.size());
					}
					case "QUIT" -> {
						reply(out, "221 2.0.0 Bye");
						return;
					}
					default -> reply(out, "250 2.0.0 Ok");
				}
			}
		}
		catch (IOException ex) {
			// The client hung up.
		}
	}

	private String recipientReply(String line, List<String> recipients) {
		Matcher matcher = ADDRESS.matcher(line);
		String recipient = matcher.find() ? key(matcher.group(1)) : "";
		Deque<String> script = recipientReplies.get(recipient);
		if (script != null && !script.isEmpty()) {
			String next = script.peek();
			if (next.endsWith("!")) {
				return next.substring(0, next.length() - 1);
			}
			return script.poll();
		}
		recipients.add(recipient);
		return "250 2.1.5 Ok";
	}

	private static String readData(BufferedReader in) throws IOException {
		StringBuilder data = new StringBuilder();
		String line;
		while ((line = in.readLine()) != null && !line.equals(".")) {
			data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
		}
		return data.toString();
	}

	private static void reply(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static String key(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

}
