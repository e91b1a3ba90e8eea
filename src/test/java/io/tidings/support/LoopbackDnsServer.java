package io.tidings.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A DNS server on loopback UDP that answers from a table a test fills: MX, A and AAAA
 * records, SERVFAIL, and names it never answers. A name in the table without records of
 * the asked type gets an empty answer (NODATA); a name not in the table gets NXDOMAIN. It
 * writes the wire format (RFC 1035) by hand for just these cases and logs every question
 * as "name TYPE", so a test can see what was asked.
 */
public final class LoopbackDnsServer implements AutoCloseable {

	private static final Map<String, Integer> TYPES = Map.of("A", 1, "MX", 15, "AAAA", 28);

	private static final int NOERROR = 0;

	private static final int SERVFAIL = 2;

	private static final int NXDOMAIN = 3;

	private final DatagramSocket socket;

	private final Map<String, List<byte[]>> records = new ConcurrentHashMap<>();

	private final Set<String> silent = ConcurrentHashMap.newKeySet();

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	private final List<String> queries = new CopyOnWriteArrayList<>();

	public LoopbackDnsServer() {
		try {
			socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread thread = new Thread(this::serve, "loopback-dns");
		thread.setDaemon(true);
		thread.start();
	}

	/** "host:port" for a resolver setting. */
	public String address() {
		return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
	}

	public LoopbackDnsServer mx(String name, int preference, String exchange) {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.write(preference >> 8);
		data.write(preference);
		data.writeBytes(encodeName(exchange));
		return add(name, "MX", data.toByteArray());
	}

	/** RFC 7505: "MX 0 ." says the domain accepts no mail. */
	public LoopbackDnsServer nullMx(String name) {
		return mx(name, 0, ".");
	}

	public LoopbackDnsServer a(String name, String ipv4) {
		return add(name, "A", ip(ipv4));
	}

	public LoopbackDnsServer aaaa(String name, String ipv6) {
		return add(name, "AAAA", ip(ipv6));
	}

	/** The name exists, with no records: every question gets NOERROR and no answer. */
	public LoopbackDnsServer exists(String name) {
		records.computeIfAbsent(key(name), k -> new CopyOnWriteArrayList<>());
		return this;
	}

	/** Questions about this name are dropped, so the client times out. */
	public LoopbackDnsServer silent(String name) {
		silent.add(key(name));
		return this;
	}

	public LoopbackDnsServer servfail(String name) {
		failing.add(key(name));
		return this;
	}

	/**
	 * Every question so far, as "name TYPE" (type as a number when it is not A, MX,
	 * AAAA).
	 */
	public List<String> queries() {
		return List.copyOf(queries);
	}

	public void clearQueries() {
		queries.clear();
	}

	@Override
	public void close() {
		socket.close();
	}

	private LoopbackDnsServer add(String name, String type, byte[] data) {
		ByteBuffer record = ByteBuffer.allocate(2 + data.length);
		record.putShort(TYPES.get(type).shortValue()).put(data);
		records.computeIfAbsent(key(name), k -> new CopyOnWriteArrayList<>()).add(record.array());
		return this;
	}

	private void serve() {
		byte[] buffer = new byte[512];
		while (!socket.isClosed()) {
			try {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				socket.receive(packet);
				byte[] reply = answer(ByteBuffer.wrap(packet.getData(), 0, packet.getLength()));
				if (reply != null) {
					socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
				}
			}
			catch (IOException | RuntimeException ex) {
				// closed, or a packet this server does not understand: wait for the next
			}
		}
	}

	private byte[] answer(ByteBuffer query) {
		short id = query.getShort(0);
		short flags = query.getShort(2);
		query.position(12);
		String name = readName(query);
		int type = query.getShort() & 0xffff;
		int questionEnd = query.position() + 2;
		String typeName = TYPES.entrySet()
			.stream()
			.filter(entry -> entry.getValue() == type)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(String.valueOf(type));
		queries.add(name + " " + typeName);
		if (silent.contains(name)) {
			return null;
		}
		List<byte[]> known = records.get(name);
		int rcode = failing.contains(name) ? SERVFAIL : (known == null) ? NXDOMAIN : NOERROR;
		List<byte[]> answers = new ArrayList<>();
		if (rcode == NOERROR) {
			known.stream().filter(record -> ByteBuffer.wrap(record).getShort() == type).forEach(answers::add);
		}
		ByteBuffer reply = ByteBuffer.allocate(512);
		// QR, the query's opcode and RD, AA and RA, then the response code
		reply.putShort(id).putShort((short) (0x8000 | (flags & 0x7900) | 0x0400 | 0x0080 | rcode));
		reply.putShort((short) 1).putShort((short) answers.size()).putShort((short) 0).putShort((short) 0);
		reply.put(query.array(), query.arrayOffset() + 12, questionEnd - 12);
		for (byte[] record : answers) {
			// a pointer to the question's name, the type, class IN, a TTL of 60 s, the
			// data
			reply.putShort((short) 0xc00c).put(record, 0, 2).putShort((short) 1).putInt(60);
			reply.putShort((short) (record.length - 2)).put(record, 2, record.length - 2);
		}
		byte[] bytes = new byte[reply.position()];
		reply.flip().get(bytes);
		return bytes;
	}

	private static String readName(ByteBuffer buffer) {
		StringBuilder name = new StringBuilder();
		for (int length = buffer.get() & 0xff; length > 0; length = buffer.get() & 0xff) {
			byte[] label = new byte[length];
			buffer.get(label);
			name.append(name.isEmpty() ? "" : ".").append(new String(label, StandardCharsets.US_ASCII));
		}
		return key(name.toString());
	}

	private static byte[] encodeName(String name) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String label : name.split("\\.")) {
			if (!label.isEmpty()) {
				out.write(label.length());
				out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
			}
		}
		out.write(0);
		return out.toByteArray();
	}

	private static byte[] ip(String literal) {
		try {
			return InetAddress.getByName(literal).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(literal, ex);
		}
	}

	private static String key(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

}
