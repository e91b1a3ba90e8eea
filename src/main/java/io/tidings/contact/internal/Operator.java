package io.tidings.contact.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The comparison operators of the segment rule language, by their JSON names. */
enum Operator {

	EQ("eq"), NE("ne"), IN("in"), NOT_IN("notIn"), STARTS_WITH("startsWith"), CONTAINS("contains"), GT("gt"),
	GTE("gte"), LT("lt"), LTE("lte"), BEFORE("before"), AFTER("after"), EXISTS("exists"), NOT_EXISTS("notExists");

	static final String NAMES = Arrays.stream(values()).map(Operator::jsonName).collect(Collectors.joining(", "));

	private final String jsonName;

	Operator(String jsonName) {
		this.jsonName = jsonName;
	}

	String jsonName() {
		return jsonName;
	}

	static Optional<Operator> named(String name) {
		return Arrays.stream(values()).filter(op -> op.jsonName.equals(name)).findFirst();
	}

	/** The operator that matches exactly the contacts this one does not. */
	Operator negated() {
		return switch (this) {
			case NE -> EQ;
			case NOT_IN -> IN;
			case NOT_EXISTS -> EXISTS;
			default -> throw new IllegalStateException(jsonName + " is not a negation");
		};
	}

	boolean isNegation() {
		return this == NE || this == NOT_IN || this == NOT_EXISTS;
	}

}
