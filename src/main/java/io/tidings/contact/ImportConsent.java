package io.tidings.contact;

import java.util.List;

/**
 * The consent an import's caller vouches for: every contact the file creates or updates
 * agreed to these marketing topics, and {@code source} says where that agreement was
 * given ("Signup sheet, trade fair Berlin 2026"), so the record can prove it later.
 */
public record ImportConsent(List<String> topics, String source) {

	public ImportConsent {
		topics = List.copyOf(topics);
	}

}
