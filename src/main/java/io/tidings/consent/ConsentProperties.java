package io.tidings.consent;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicUrl where recipients reach Tidings: unsubscribe links start with it
 * @param tokenKey the secret unsubscribe links are signed with; empty means a random key
 * made on first start and kept in the database, the same for every node
 * @param topics the marketing topics a contact can subscribe to one by one
 * @param defaultTopic the topic of marketing mail whose step names no topic
 * @param requireOptIn whether marketing mail of a topic needs the contact's recorded
 * subscription; false sends it until the contact unsubscribes
 * @param optInExpiry how long a double opt-in waits for its click; then its topics lapse
 * ({@code LAPSED}: no marketing mail of them, the link no longer confirms)
 * @param optInExpiryCheck how often pending double opt-ins are looked at for expiry
 */
@Validated
@ConfigurationProperties("tidings.consent")
public record ConsentProperties(@NotBlank String publicUrl, String tokenKey, @DefaultValue( {
		"newsletter", "promotions", "product-updates" }) @NotEmpty List<String> topics,
		@DefaultValue("newsletter") String defaultTopic, @DefaultValue("false") boolean requireOptIn,
		@DefaultValue("30d") Duration optInExpiry, @DefaultValue("1h") Duration optInExpiryCheck){

	private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	public ConsentProperties {
		topics = List.copyOf(topics);
		for (String topic : topics) {
			if (!TOPIC.matcher(topic).matches()) {
				throw new IllegalArgumentException("tidings.consent.topics: '" + topic
						+ "' is not a topic name (lower-case letters, digits and '-', at most 64)");
			}
		}
		if (optInExpiry == null || optInExpiry.isNegative() || optInExpiry.isZero()) {
			throw new IllegalArgumentException(
					"tidings.consent.opt-in-expiry must be a positive duration such as 30d, not " + optInExpiry);
		}
		if (optInExpiryCheck == null || optInExpiryCheck.isNegative() || optInExpiryCheck.isZero()) {
			throw new IllegalArgumentException(
					"tidings.consent.opt-in-expiry-check must be a positive duration such as 1h, not "
							+ optInExpiryCheck);
		}
		if (!topics.contains(defaultTopic)) {
			throw new IllegalArgumentException("tidings.consent.default-topic '" + defaultTopic
					+ "' is not one of tidings.consent.topics " + topics);
		}
	}

	/** Settings with the default topics, for tests and tools. */
	public static ConsentProperties withDefaultTopics(String publicUrl, String tokenKey) {
		return new ConsentProperties(publicUrl, tokenKey, List.of("newsletter", "promotions", "product-updates"),
				"newsletter", false, Duration.ofDays(30), Duration.ofHours(1));
	}

	public String unsubscribeUrl(String token) {
		return base() + "/u/" + token;
	}

	public String preferencesUrl(String token) {
		return base() + "/preferences/" + token;
	}

	public String confirmUrl(String token) {
		return base() + "/confirm/" + token;
	}

	private String base() {
		return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

}
