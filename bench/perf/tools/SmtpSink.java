import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * An SMTP server that accepts every mail, counts it and throws it away. Speaks enough
 * SMTP for Jakarta Mail (EHLO with PIPELINING, MAIL, RCPT, DATA, RSET, NOOP, QUIT); a
 * thread per connection; replies are flushed only when the client waits for them, so
 * pipelined commands cost no extra round trips.
 *
 * <pre>
 * java SmtpSink.java SMTP_PORT STATS_PORT      # serve; GET /stats, POST /reset, /pause, /resume
 * java SmtpSink.java selftest SECONDS CONNS     # measure the sink itself with a pipelining client
 * </pre>
 *
 * /stats answers "count firstEpochMillis lastEpochMillis".
 */
public class SmtpSink {

	static final AtomicLong count = new AtomicLong();

	static volatile long first;

	static volatile long last;

	static final java.util.Set<Socket> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();

	static volatile ServerSocket listening;

	static int port;

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("selftest")) {
			selftest(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			return;
		}
		port = Integer.parseInt(args[0]);
		stats(Integer.parseInt(args[1]));
		listen();
		System.out.println("SMTP sink on " + port);
		Thread.currentThread().join();
	}

	static synchronized void listen() throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
		listening = server;
		Thread acceptor = new Thread(() -> {
			try {
				serve(server);
			}
			catch (IOException closed) {
				// Paused.
			}
		}, "smtp-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Refuses connections and drops the open ones, as a relay that went away. */
	static synchronized void pause() throws IOException {
		if (listening != null) {
			listening.close();
			listening = null;
		}
		for (Socket session : sessions) {
			session.close();
		}
	}

	static void stats(int port) throws IOException {
		HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
		http.createContext("/stats", exchange -> {
			byte[] body = (count.get() + " " + first + " " + last + "\n").getBytes(StandardCharsets.US_ASCII);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		http.createContext("/pause", exchange -> {
			pause();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		http.createContext("/resume", exchange -> {
			if (listening == null) {
				listen();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		http.createContext("/reset", exchange -> {
			count.set(0);
			first = 0;
			last = 0;
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		http.start();
	}

	static void serve(ServerSocket server) throws IOException {
		while (true) {
			Socket socket = server.accept();
			Thread thread = new Thread(() -> session(socket), "smtp-" + socket.getPort());
			thread.setDaemon(true);
			thread.start();
		}
	}

	static void session(Socket socket) {
		sessions.add(socket);
		try (socket) {
			socket.setTcpNoDelay(true);
			InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
			OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
			reply(out, in, "220 sink ESMTP");
			String line;
			while ((line = readLine(in)) != null) {
				String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (verb) {
					case "EHLO" -> reply(out, in, "250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800");
					case "HELO" -> reply(out, in, "250 sink");
					case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, in, "250 OK");
					case "DATA" -> {
						reply(out, in, "354 go on");
						out.flush();
						skipData(in);
						long now = System.currentTimeMillis();
						if (count.getAndIncrement() == 0) {
							first = now;
						}
						last = now;
						reply(out, in, "250 OK queued as " + count.get());
					}
					case "QUIT" -> {
						reply(out, in, "221 bye");
						out.flush();
						return;
					}
					default -> reply(out, in, "502 not implemented");
				}
			}
		}
		catch (IOException ignored) {
			// The client hung up.
		}
		finally {
			sessions.remove(socket);
		}
	}

	/** Writes a reply and flushes only when no further pipelined command is waiting. */
	static void reply(OutputStream out, InputStream in, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		if (in.available() == 0) {
			out.flush();
		}
	}

	/** Reads up to the line with a lone dot. */
	static void skipData(InputStream in) throws IOException {
		// State: 0 after CRLF (start of line), 1 after a dot at line start, 2 after ".\r",
		// 3 inside a line, 4 after CR inside a line.
		int state = 0;
		int b;
		while ((b = in.read()) != -1) {
			switch (state) {
				case 0 -> state = b == '.' ? 1 : b == '\r' ? 4 : 3;
				case 1 -> state = b == '\r' ? 2 : 3;
				case 2 -> {
					if (b == '\n') {
						return;
					}
					state = 3;
				}
				case 3 -> state = b == '\r' ? 4 : 3;
				case 4 -> state = b == '\n' ? 0 : b == '\r' ? 4 : 3;
				default -> throw new IllegalStateException();
			}
		}
		throw new IOException("connection closed in DATA");
	}

	static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				int end = line.length();
				if (end > 0 && line.charAt(end - 1) == '\r') {
					line.setLength(end - 1);
				}
				return line.toString();
			}
			line.append((char) b);
		}
		return line.length() == 0 ? null : line.toString();
	}

	/**
	 * Starts a sink on a free port and sends it ~10 KB mails over CONNS pipelining
	 * connections for SECONDS: what the sink itself can take.
	 */
	static void selftest(int seconds, int connections) throws Exception {
		ServerSocket server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			try {
				serve(server);
			}
			catch (IOException ignored) {
			}
		});
		acceptor.setDaemon(true);
		acceptor.start();
		byte[] body = ("Subject: sink self-test\r\n\r\n" + "x".repeat(76) + "\r\n").repeat(130)
			.getBytes(StandardCharsets.US_ASCII);
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		Thread[] clients = new Thread[connections];
		for (int c = 0; c < connections; c++) {
			clients[c] = new Thread(() -> {
				try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
					socket.setTcpNoDelay(true);
					InputStream in = new BufferedInputStream(socket.getInputStream());
					OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
					readLine(in);
					out.write("EHLO test\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
					while (!readLine(in).startsWith("250 ")) {
					}
					while (System.nanoTime() < end) {
						out.write("MAIL FROM:<a@test>\r\nRCPT TO:<b@test>\r\nDATA\r\n".getBytes(StandardCharsets.US_ASCII));
						out.flush();
						readLine(in);
						readLine(in);
						readLine(in);
						out.write(body);
						out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
						out.flush();
						readLine(in);
					}
				}
				catch (IOException ex) {
					throw new RuntimeException(ex);
				}
			});
			clients[c].start();
		}
		long start = System.nanoTime();
		for (Thread client : clients) {
			client.join();
		}
		double took = (System.nanoTime() - start) / 1e9;
		System.out.printf("sink-selftest mails=%d seconds=%.1f per_second=%.0f%n", count.get(), took,
				count.get() / took);
	}

}
