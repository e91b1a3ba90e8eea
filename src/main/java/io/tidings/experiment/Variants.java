package io.tidings.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The variants of one experiment, as analysts type them in the Modeler, separated by
 * commas, the first being the control:
 * <ul>
 * <li>a send step: {@code name:template:weight} or
 * {@code name:template:weight:"subject"}, e.g. {@code A:welcome:60,B:welcome-short:40} or
 * {@code A::50,B::50:"Ann, your cart misses you"} (an empty template is the step's own; a
 * subject in double quotes may hold commas and colons);</li>
 * <li>a split step: {@code name:weight}, e.g. {@code early:50,late:50}.</li>
 * </ul>
 * The element templates' patterns accept the same texts.
 *
 * @param content whether these are a send step's variants (rather than a split's paths)
 */
public record Variants(List<Variant> all, boolean content) {

	static final int MAX_VARIANTS = 10;

	private static final String NAME = "([A-Za-z0-9_-]{1,32})";

	private static final String WEIGHT = "([1-9][0-9]{0,5})";

	private static final Pattern CONTENT = Pattern.compile(
			"\\s*" + NAME + ":([a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*)?:" + WEIGHT + "(?::\"([^\"]+)\")?\\s*");

	private static final Pattern PATH = Pattern.compile("\\s*" + NAME + ":" + WEIGHT + "\\s*");

	public Variants {
		all = List.copyOf(all);
	}

	/** A send step's variants: templates and subjects. */
	public static Variants ofContent(String text) {
		return parse(text, CONTENT, "name:template:weight or name:template:weight:\"subject\"");
	}

	/** A split step's variants: names and weights. */
	public static Variants ofPaths(String text) {
		return parse(text, PATH, "name:weight");
	}

	public Variant control() {
		return all.get(0);
	}

	public Optional<Variant> named(String name) {
		return all.stream().filter(variant -> variant.name().equals(name)).findFirst();
	}

	/**
	 * The contact's variant by weight, from a hash of experiment and contact: the same on
	 * every node, retry and run, and independent between experiments.
	 */
	public Variant pick(String experimentId, String contactId) {
		int total = all.stream().mapToInt(Variant::weight).sum();
		long bucket = Long.remainderUnsigned(hash(experimentId + "\n" + contactId), total);
		for (Variant variant : all) {
			bucket -= variant.weight();
			if (bucket < 0) {
				return variant;
			}
		}
		throw new IllegalStateException("unreachable: bucket beyond the total weight");
	}

	/** The canonical text, which {@link #ofContent} or {@link #ofPaths} reads back. */
	@Override
	public String toString() {
		return all.stream().map(variant -> {
			if (!content) {
				return variant.name() + ":" + variant.weight();
			}
			String text = variant.name() + ":" + (variant.template() == null ? "" : variant.template()) + ":"
					+ variant.weight();
			return variant.subject() == null ? text : text + ":\"" + variant.subject() + "\"";
		}).collect(Collectors.joining(","));
	}

	private static Variants parse(String text, Pattern form, String expected) {
		if (text == null || text.isBlank()) {
			throw new MalformedExperiment("No variants given; write them as " + expected + ", separated by commas");
		}
		List<Variant> variants = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (String part : entries(text)) {
			Matcher entry = form.matcher(part);
			if (!entry.matches()) {
				throw new MalformedExperiment("Cannot read the variant '" + part.strip() + "' in '" + text
						+ "': write each as " + expected + ", separated by commas");
			}
			Variant variant = form == PATH ? Variant.path(entry.group(1), Integer.parseInt(entry.group(2)))
					: new Variant(entry.group(1), Integer.parseInt(entry.group(3)), entry.group(2), entry.group(4));
			if (!names.add(variant.name())) {
				throw new MalformedExperiment("Variant '" + variant.name() + "' is named twice in '" + text + "'");
			}
			variants.add(variant);
		}
		if (variants.size() < 2 || variants.size() > MAX_VARIANTS) {
			throw new MalformedExperiment(
					"An experiment needs 2 to " + MAX_VARIANTS + " variants, '" + text + "' has " + variants.size());
		}
		return new Variants(variants, form == CONTENT);
	}

	/** The text split at commas outside double quotes. */
	private static List<String> entries(String text) {
		List<String> entries = new ArrayList<>();
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			quoted = c == '"' ? !quoted : quoted;
			if (c == ',' && !quoted) {
				entries.add(text.substring(start, i));
				start = i + 1;
			}
		}
		entries.add(text.substring(start));
		return entries;
	}

	private static long hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			long value = 0;
			for (int i = 0; i < Long.BYTES; i++) {
				value = (value << 8) | (digest[i] & 0xff);
			}
			return value;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
