package io.tidings.tracking.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A CIDR block such as {@code 17.0.0.0/8} or {@code 2620:149::/32}. */
record IpRange(byte[] network, int prefixLength) {

	// Only literals, so parsing never asks DNS.
	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	static IpRange parse(String cidr) {
		String[] parts = cidr.strip().split("/", -1);
		byte[] network = literal(parts[0])
			.orElseThrow(() -> new IllegalArgumentException("'" + cidr + "' is not an IP range (e.g. 17.0.0.0/8)"));
		int max = network.length * 8;
		int prefix;
		try {
			prefix = parts.length == 1 ? max : parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
		}
		catch (NumberFormatException ex) {
			prefix = -1;
		}
		if (prefix < 0 || prefix > max) {
			throw new IllegalArgumentException("'" + cidr + "' is not an IP range (e.g. 17.0.0.0/8)");
		}
		return new IpRange(network, prefix);
	}

	boolean contains(String address) {
		return literal(address).filter(bytes -> bytes.length == network.length).map(this::matches).orElse(false);
	}

	private boolean matches(byte[] address) {
		for (int bit = 0; bit < prefixLength; bit++) {
			int mask = 0x80 >>> (bit % 8);
			if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
				return false;
			}
		}
		return true;
	}

	static Optional<byte[]> literal(String address) {
		if (address == null || !LITERAL.matcher(address).matches()
				|| (address.indexOf(':') < 0 && address.chars().filter(c -> c == '.').count() != 3)) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(address).getAddress());
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

}
