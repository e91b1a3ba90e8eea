package io.tidings.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Bad JSON bodies grown from one valid example: broken syntax (cut short, nested
 * thousands deep, duplicate keys, raw NUL or invalid UTF-8 in a string, trailing
 * garbage), the wrong shape (an array, a scalar, nothing), the wrong Content-Type, and
 * above all the valid document with one member changed (a wrong type, null, a huge
 * number, an overlong or multi-line string, an unknown or missing member). A changed
 * member may still leave a valid document; the run counts those apart.
 */
final class BadJson {

	static final String JSON = "application/json";

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private BadJson() {
	}

	static Arbitrary<BadInput> of(String seedDocument) {
		JsonNode seed = read(seedDocument);
		byte[] seedBytes = write(seed).getBytes(StandardCharsets.UTF_8);
		return Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.randomValue(random -> mutateMember(seed, random))),
				Tuple.of(3, Arbitraries.randomValue(random -> broken(seedDocument, random))), Tuple.of(1, wrongShape()),
				Tuple.of(2, BadBytes.of(seedBytes, JSON)),
				Tuple.of(1,
						Arbitraries
							.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/csv",
									"application/json; charset=ISO-8859-1")
							.map(type -> new BadInput("json:wrong-content-type", type, seedBytes))));
	}

	private static BadInput mutateMember(JsonNode seed, Random random) {
		JsonNode copy = seed.deepCopy();
		List<ContainerMember> members = new ArrayList<>();
		collect(copy, members);
		ContainerMember target = members.get(random.nextInt(members.size()));
		String kind;
		switch (random.nextInt(10)) {
			case 0 -> {
				target.remove();
				kind = "member:missing";
			}
			case 1 -> {
				if (target.parent() instanceof ObjectNode object) {
					object.put(Words.unknownName(random), Words.text(random));
				}
				kind = "member:unknown-added";
			}
			case 2 -> {
				target.set(NODES.arrayNode().add(target.value()));
				kind = "member:wrapped-in-array";
			}
			default -> {
				BadValue bad = BadValue.pick(random);
				target.set(bad.node().apply(random));
				kind = "member:" + bad.name();
			}
		}
		return BadInput.of(kind + "@" + target.path(), JSON, write(copy));
	}

	private static BadInput broken(String seed, Random random) {
		String compact = write(read(seed));
		int quote = compact.indexOf('"', 1 + random.nextInt(Math.max(1, compact.length() - 1)));
		int at = quote < 0 ? compact.length() / 2 : quote + 1;
		return switch (random.nextInt(9)) {
			case 0 -> BadInput.of("json:truncated", JSON, compact.substring(0, random.nextInt(compact.length())));
			case 1 -> {
				int depth = 1_000 + random.nextInt(20_000);
				yield BadInput.of("json:deep-nesting", JSON, "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
			}
			case 2 -> {
				int depth = 1_000 + random.nextInt(20_000);
				yield BadInput.of("json:deep-array", JSON, "[".repeat(depth) + "]".repeat(depth));
			}
			case 3 -> {
				Iterator<String> names = read(seed).fieldNames();
				String name = names.hasNext() ? names.next() : "id";
				yield BadInput.of("json:duplicate-key", JSON, "{\"" + name + "\": "
						+ write(BadValue.pick(random).node().apply(random)) + ", " + compact.substring(1));
			}
			case 4 -> new BadInput("json:raw-nul", JSON,
					(compact.substring(0, at) + "\u0000" + compact.substring(at)).getBytes(StandardCharsets.UTF_8));
			case 5 ->
				BadInput.of("json:raw-control", JSON, compact.substring(0, at) + "\n\t\u001b" + compact.substring(at));
			case 6 -> {
				byte[] head = compact.substring(0, at).getBytes(StandardCharsets.UTF_8);
				byte[] tail = compact.substring(at).getBytes(StandardCharsets.UTF_8);
				byte[] bad = { (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFE };
				byte[] body = new byte[head.length + bad.length + tail.length];
				System.arraycopy(head, 0, body, 0, head.length);
				System.arraycopy(bad, 0, body, head.length, bad.length);
				System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
				yield new BadInput("json:invalid-utf8", JSON, body);
			}
			case 7 -> BadInput.of("json:trailing-garbage", JSON,
					compact + List.of("}", "]", ",", " x", compact, "{}").get(random.nextInt(6)));
			default -> BadInput.of("json:not-json", JSON, Words.text(random) + "{'single': 'quotes', NaN: //comment");
		};
	}

	private static Arbitrary<BadInput> wrongShape() {
		return Arbitraries.of("", " ", "null", "[]", "[{}]", "\"text\"", "42", "true", "{}", "{\"\": null}")
			.map(body -> BadInput.of("json:shape", JSON, body));
	}

	private static void collect(JsonNode node, List<ContainerMember> into) {
		if (node instanceof ObjectNode object) {
			object.fieldNames().forEachRemaining(name -> {
				into.add(new ContainerMember(object, name, -1));
				collect(object.get(name), into);
			});
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				into.add(new ContainerMember(array, null, i));
				collect(array.get(i), into);
			}
		}
	}

	static JsonNode read(String document) {
		try {
			return MAPPER.readTree(document);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not a valid seed document: " + document, ex);
		}
	}

	static String write(JsonNode node) {
		try {
			return MAPPER.writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A member of an object (by name) or an element of an array (by index). */
	private record ContainerMember(JsonNode parent, String name, int index) {

		JsonNode value() {
			return name != null ? parent.get(name) : parent.get(index);
		}

		void set(JsonNode value) {
			if (parent instanceof ObjectNode object) {
				object.set(name, value);
			}
			else {
				((ArrayNode) parent).set(index, value);
			}
		}

		void remove() {
			if (parent instanceof ObjectNode object) {
				object.remove(name);
			}
			else {
				((ArrayNode) parent).remove(index);
			}
		}

		String path() {
			return name != null ? name : "[" + index + "]";
		}

	}

	/** The values a fuzzer puts where a valid one was. */
	private record BadValue(String name, Function<Random, JsonNode> node) {

		private static final List<BadValue> ALL = List.of(new BadValue("null", random -> NODES.nullNode()),
				new BadValue("empty-string", random -> NODES.textNode("")),
				new BadValue("blank", random -> NODES.textNode(" \t ")),
				new BadValue("huge-integer", random -> NODES.numberNode(BigInteger.TEN.pow(20 + random.nextInt(2000)))),
				new BadValue("huge-decimal",
						random -> NODES.numberNode(new BigDecimal("1e" + (300 + random.nextInt(99_999))))),
				new BadValue("negative", random -> NODES.numberNode(-1 - random.nextInt(Integer.MAX_VALUE))),
				new BadValue("long-min", random -> NODES.numberNode(Long.MIN_VALUE)),
				new BadValue("zero", random -> NODES.numberNode(0)),
				new BadValue("fraction", random -> NODES.numberNode(random.nextDouble() * 1000)),
				new BadValue("boolean", random -> NODES.booleanNode(random.nextBoolean())),
				new BadValue("empty-array", random -> NODES.arrayNode()),
				new BadValue("empty-object", random -> NODES.objectNode()),
				new BadValue("overlong-string", random -> NODES.textNode("x".repeat(256 + random.nextInt(100_000)))),
				new BadValue("control-chars", random -> NODES.textNode("line one\r\nBcc: x@example.com\u0000\u0007")),
				new BadValue("unicode", random -> NODES.textNode(Words.unicode(random))),
				new BadValue("lookalike", random -> NODES.textNode(Words.lookalike(random))),
				new BadValue("long-array", random -> {
					ArrayNode array = NODES.arrayNode();
					for (int i = 0; i < 1_001 + random.nextInt(5_000); i++) {
						array.add(Words.text(random));
					}
					return array;
				}), new BadValue("big-object", random -> {
					ObjectNode object = NODES.objectNode();
					for (int i = 0; i < 201 + random.nextInt(2_000); i++) {
						object.put("k" + i, i);
					}
					return object;
				}), new BadValue("nested", random -> {
					JsonNode node = NODES.textNode("deep");
					for (int i = 0; i < 1 + random.nextInt(200); i++) {
						node = NODES.objectNode().set("n", node);
					}
					return node;
				}));

		static BadValue pick(Random random) {
			return ALL.get(random.nextInt(ALL.size()));
		}

	}

}
