package io.tidings.contact;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Named, stored rules over contacts' fields, attributes, events and engagement (the rule
 * language is in the README, "Segments"). Membership is worked out in the database each
 * time it is asked, so it is always current.
 */
public interface Segments {

	/** What a segment key looks like: lower-case letters, digits and '-', at most 64. */
	String KEY_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";

	/**
	 * Checks the definition and stores it, replacing the one stored under the same key.
	 * @throws io.tidings.platform.InvalidInput naming each bad part ({@code key},
	 * {@code name}, {@code rule.all.1.op}); nothing is stored then
	 */
	Saved save(String key, String name, JsonNode rule);

	Optional<Segment> find(String key);

	/** Every segment, in key order. */
	List<Segment> all();

	/**
	 * @return whether there was a segment to delete
	 */
	boolean delete(String key);

	/**
	 * @throws UnknownSegment for a key no segment has (also for the methods below)
	 */
	long count(String key);

	/** A page of the segment's members in contact id order. */
	List<Contact> members(String key, int page, int size);

	/** Whether this one contact is in the segment, asked of this contact's rows only. */
	boolean contains(String contactId, String key);

	/**
	 * Hands the ids of the segment's members to {@code batch}, at most {@code batchSize}
	 * at a time, in id order. Each batch is a fresh query continuing after the last id,
	 * so contacts that join or leave meanwhile are seen or not, but none is seen twice.
	 */
	void forEachMember(String key, int batchSize, Consumer<List<String>> batch);

	/**
	 * At most {@code limit} member ids after {@code afterId} (null or empty: from the
	 * start), in id order: a cursor that survives a restart.
	 */
	List<String> memberIdsAfter(String key, String afterId, int limit);

	/**
	 * @param created false when the segment replaced one with the same key
	 */
	record Saved(Segment segment, boolean created) {
	}

}
