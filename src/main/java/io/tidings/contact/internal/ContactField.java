package io.tidings.contact.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.tidings.contact.internal.Operator.AFTER;
import static io.tidings.contact.internal.Operator.BEFORE;
import static io.tidings.contact.internal.Operator.CONTAINS;
import static io.tidings.contact.internal.Operator.EQ;
import static io.tidings.contact.internal.Operator.EXISTS;
import static io.tidings.contact.internal.Operator.GT;
import static io.tidings.contact.internal.Operator.GTE;
import static io.tidings.contact.internal.Operator.IN;
import static io.tidings.contact.internal.Operator.LT;
import static io.tidings.contact.internal.Operator.LTE;
import static io.tidings.contact.internal.Operator.NE;
import static io.tidings.contact.internal.Operator.NOT_EXISTS;
import static io.tidings.contact.internal.Operator.NOT_IN;
import static io.tidings.contact.internal.Operator.STARTS_WITH;

/**
 * The contact fields a segment rule may name, each mapped to its column here and nowhere
 * else: no column name ever comes from a rule.
 */
enum ContactField {

	ID("id", "c.id", Kind.TEXT), EMAIL("email", "c.email", Kind.TEXT),
	FIRST_NAME("firstName", "c.first_name", Kind.TEXT), LAST_NAME("lastName", "c.last_name", Kind.TEXT),
	LOCALE("locale", "c.locale", Kind.TEXT), TIME_ZONE("timeZone", "c.time_zone", Kind.TEXT),
	ADDRESS_STATUS("addressStatus", "c.address_status", Kind.TEXT),
	BIRTHDAY_MONTH("birthdayMonth", "c.birthday_month", Kind.NUMBER),
	BIRTHDAY_DAY("birthdayDay", "c.birthday_day", Kind.NUMBER),
	BIRTHDAY_YEAR("birthdayYear", "c.birthday_year", Kind.NUMBER),
	SIGNED_UP_ON("signedUpOn", "c.signed_up_on", Kind.DATE), CREATED_AT("createdAt", "c.created_at", Kind.TIMESTAMP),
	UPDATED_AT("updatedAt", "c.updated_at", Kind.TIMESTAMP),
	LAST_ENGAGED_AT("lastEngagedAt", "c.last_engaged_at", Kind.TIMESTAMP);

	static final String NAMES = Arrays.stream(values()).map(ContactField::jsonName).collect(Collectors.joining(", "));

	private final String jsonName;

	private final String column;

	private final Kind kind;

	ContactField(String jsonName, String column, Kind kind) {
		this.jsonName = jsonName;
		this.column = column;
		this.kind = kind;
	}

	static Optional<ContactField> named(String name) {
		return Arrays.stream(values()).filter(field -> field.jsonName.equals(name)).findFirst();
	}

	String jsonName() {
		return jsonName;
	}

	String column() {
		return column;
	}

	Kind kind() {
		return kind;
	}

	enum Kind {

		TEXT("text", EnumSet.of(EQ, NE, IN, NOT_IN, STARTS_WITH, CONTAINS, EXISTS, NOT_EXISTS)),
		NUMBER("a number", EnumSet.of(EQ, NE, IN, NOT_IN, GT, GTE, LT, LTE, EXISTS, NOT_EXISTS)),
		DATE("a date", EnumSet.of(BEFORE, AFTER, EXISTS, NOT_EXISTS)),
		TIMESTAMP("a point in time", EnumSet.of(BEFORE, AFTER, EXISTS, NOT_EXISTS));

		private final String description;

		private final Set<Operator> operators;

		Kind(String description, Set<Operator> operators) {
			this.description = description;
			this.operators = operators;
		}

		String description() {
			return description;
		}

		Set<Operator> operators() {
			return operators;
		}

		String operatorNames() {
			return operators.stream().map(Operator::jsonName).collect(Collectors.joining(", "));
		}

	}

}
