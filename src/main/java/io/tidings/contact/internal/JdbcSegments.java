package io.tidings.contact.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidings.contact.Contact;
import io.tidings.contact.Segment;
import io.tidings.contact.Segments;
import io.tidings.contact.UnknownSegment;
import io.tidings.platform.InvalidInput;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Segments as SQL: each question compiles the stored rule afresh (so "the last 30 days"
 * means the last 30 days now) and asks the database; no contact is loaded to decide.
 */
@Service
class JdbcSegments implements Segments {

	private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

	private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,255}");

	private final SegmentStore store;

	private final NamedParameterJdbcTemplate jdbc;

	private final ContactRows rows;

	private final Clock clock;

	JdbcSegments(SegmentStore store, NamedParameterJdbcTemplate jdbc, ContactRows rows, Clock clock) {
		this.store = store;
		this.jdbc = jdbc;
		this.rows = rows;
		this.clock = clock;
	}

	@Override
	public Saved save(String key, String name, JsonNode rule) {
		RuleProblems problems = new RuleProblems();
		if (key == null || !KEY.matcher(key).matches()) {
			problems.add("key", "must be 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
		}
		if (name == null || name.isBlank() || !NAME.matcher(name).matches()) {
			problems.add("name", "must be one line of 1 to 255 characters");
		}
		SegmentRuleParser.parse(rule, "rule", problems);
		if (problems.any()) {
			throw new InvalidInput(problems.errors());
		}
		boolean created = store.put(key, name.strip(), rule, clock.instant());
		return new Saved(store.find(key).orElseThrow(), created);
	}

	@Override
	public Optional<Segment> find(String key) {
		return store.find(key);
	}

	@Override
	public List<Segment> all() {
		return store.all();
	}

	@Override
	public boolean delete(String key) {
		return store.delete(key);
	}

	@Override
	public long count(String key) {
		SegmentSql.Condition condition = condition(key);
		return jdbc.queryForObject("SELECT COUNT(*) FROM contacts c WHERE " + condition.sql(), condition.parameters(),
				Long.class);
	}

	@Override
	public List<Contact> members(String key, int page, int size) {
		SegmentSql.Condition condition = condition(key);
		return jdbc.query(
				"SELECT c.* FROM contacts c WHERE " + condition.sql()
						+ " ORDER BY c.id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY",
				condition.parameters().addValue("offset", (long) page * size).addValue("size", size), rows);
	}

	@Override
	public boolean contains(String contactId, String key) {
		SegmentSql.Condition condition = condition(key);
		return jdbc.queryForObject("SELECT COUNT(*) FROM contacts c WHERE c.id = :contactId AND " + condition.sql(),
				condition.parameters().addValue("contactId", contactId), Long.class) > 0;
	}

	@Override
	public void forEachMember(String key, int batchSize, Consumer<List<String>> batch) {
		String after = "";
		while (true) {
			List<String> ids = memberIdsAfter(key, after, batchSize);
			if (ids.isEmpty()) {
				return;
			}
			batch.accept(new ArrayList<>(ids));
			after = ids.get(ids.size() - 1);
		}
	}

	@Override
	public List<String> memberIdsAfter(String key, String afterId, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be 1 or more, not " + limit);
		}
		SegmentSql.Condition condition = condition(key);
		String sql = "SELECT c.id FROM contacts c WHERE c.id > :after AND " + condition.sql()
				+ " ORDER BY c.id FETCH FIRST :limit ROWS ONLY";
		return jdbc.queryForList(sql,
				condition.parameters().addValue("after", afterId == null ? "" : afterId).addValue("limit", limit),
				String.class);
	}

	private SegmentSql.Condition condition(String key) {
		Segment segment = store.find(key).orElseThrow(() -> new UnknownSegment(key));
		RuleProblems problems = new RuleProblems();
		SegmentRule rule = SegmentRuleParser.parse(segment.rule(), "rule", problems);
		if (rule == null) {
			throw new IllegalStateException(
					"Stored rule of segment '" + key + "' no longer parses: " + problems.errors());
		}
		return SegmentSql.compile(rule, clock.instant());
	}

}
