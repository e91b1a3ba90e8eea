package io.tidings.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One answer of {@code /actuator/prometheus}, parsed from the text format: each sample's
 * name, labels and value.
 */
public final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	record Sample(String name, Map<String, String> labels, double value) {
	}

	private final List<Sample> samples = new ArrayList<>();

	private PrometheusScrape(String text) {
		for (String line : text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.find()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(3) != null) {
				Matcher label = LABEL.matcher(sample.group(3));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
		}
	}

	public static PrometheusScrape of(String text) {
		return new PrometheusScrape(text);
	}

	/**
	 * The sum of the samples of that name carrying all of the given labels (0 when there
	 * are none).
	 */
	public double value(String name, String... labelPairs) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i < labelPairs.length; i += 2) {
			wanted.put(labelPairs[i], labelPairs[i + 1]);
		}
		return samples.stream()
			.filter(sample -> sample.name().equals(name))
			.filter(sample -> sample.labels().entrySet().containsAll(wanted.entrySet()))
			.mapToDouble(Sample::value)
			.sum();
	}

	public boolean has(String name) {
		return samples.stream().anyMatch(sample -> sample.name().equals(name));
	}

}
