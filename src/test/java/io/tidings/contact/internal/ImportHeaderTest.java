package io.tidings.contact.internal;

import java.util.List;

import io.tidings.contact.MalformedImport;
import io.tidings.contact.internal.ImportHeader.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportHeaderTest {

	@Test
	void matchesFieldsInAnyCaseAndInCamelOrSnakeCaseAndTheRestAreAttributes() {
		ImportHeader header = ImportHeader.of(List.of("ID", "E-mail", "first_name", "LASTNAME", "Time_Zone",
				" signedUpOn ", "birthday", "locale", "email", "Plan"));
		assertThat(header.field(0)).isEqualTo(Field.ID);
		assertThat(header.field(1)).as("an attribute, not the email").isNull();
		assertThat(header.field(2)).isEqualTo(Field.FIRST_NAME);
		assertThat(header.field(3)).isEqualTo(Field.LAST_NAME);
		assertThat(header.field(4)).isEqualTo(Field.TIME_ZONE);
		assertThat(header.field(5)).isEqualTo(Field.SIGNED_UP_ON);
		assertThat(header.name(5)).isEqualTo("signedUpOn");
		assertThat(header.field(8)).isEqualTo(Field.EMAIL);
		assertThat(header.field(9)).isNull();
		assertThat(header.columnOf(Field.TIME_ZONE)).isEqualTo("Time_Zone");
	}

	@Test
	void refusesAHeaderWithoutAnIdColumn() {
		assertThatThrownBy(() -> ImportHeader.of(List.of("email", "name"))).isInstanceOf(MalformedImport.class)
			.hasMessageContaining("no id column")
			.hasMessageContaining("email, name");
	}

	@Test
	void refusesAFieldNamedTwiceEvenInAnotherSpelling() {
		assertThatThrownBy(() -> ImportHeader.of(List.of("id", "firstName", "first_name")))
			.isInstanceOf(MalformedImport.class)
			.hasMessageContaining("Columns 2 ('firstName') and 3 ('first_name')");
		assertThatThrownBy(() -> ImportHeader.of(List.of("id", "plan", "plan"))).isInstanceOf(MalformedImport.class);
	}

	@Test
	void refusesNamelessColumnsAndAttributesAContactCannotHold() {
		assertThatThrownBy(() -> ImportHeader.of(List.of("id", "email", ""))).hasMessageContaining("Column 3");
		assertThatThrownBy(() -> ImportHeader.of(List.of("id", "a".repeat(129))))
			.hasMessageContaining("longer than 128");
		List<String> tooMany = new java.util.ArrayList<>(List.of("id"));
		for (int i = 0; i < 201; i++) {
			tooMany.add("attribute" + i);
		}
		assertThatThrownBy(() -> ImportHeader.of(tooMany)).hasMessageContaining("201 attribute columns");
	}

}
