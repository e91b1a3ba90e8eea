package io.tidings.contact.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tidings.contact.Birthday;
import io.tidings.contact.ContactChange;
import io.tidings.contact.ImportRejection;
import io.tidings.contact.internal.ImportRows.Checked;
import io.tidings.contact.internal.ImportRows.Outcome;
import io.tidings.contact.internal.ImportRows.Rejected;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRowsTest {

	static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	final ImportRows rows = new ImportRows(
			ImportHeader
				.of(List.of("id", "Email", "first_name", "locale", "timeZone", "birthday", "signed_up_on", "plan")),
			validation.getValidator());

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void aGoodRowBecomesAChangeWithEmptyCellsLeftOut() {
		Outcome outcome = check("c-1", "ann@example.com", "", "nl-BE", "Europe/Brussels", "--02-29", "2024-05-01",
				"pro");
		assertThat(outcome).isInstanceOf(Checked.class);
		ContactChange change = ((Checked) outcome).change();
		assertThat(change).isEqualTo(new ContactChange("c-1", "ann@example.com", null, null, "nl-BE", "Europe/Brussels",
				new Birthday(2, 29, null), LocalDate.of(2024, 5, 1), Map.of("plan", "pro")));
	}

	@Test
	void aBadRowNamesEachColumnAtFaultAsTheFileNamesIt() {
		ImportRejection rejection = rejected(
				check("c-2", "not-an-address", "Ann\u0007", "english", "Mars/Base", "1990-02-30", "2024-13-01", ""));
		assertThat(rejection.contactId()).isEqualTo("c-2");
		assertThat(rejection.column()).isEqualTo("Email;first_name;locale;timeZone;birthday;signed_up_on");
		assertThat(rejection.reason()).contains("Email is not a valid email address")
			.contains("first_name must be one line of text without control characters")
			.contains("locale is not a BCP 47 language tag")
			.contains("timeZone is not an IANA time zone")
			.contains("birthday is not a birthday")
			.contains("signed_up_on is not a date");
		assertThat(rejection.row()).isEqualTo(7);
	}

	@Test
	void aRowWithoutAnIdOrWithTheWrongNumberOfCellsIsRejected() {
		assertThat(rejected(check("", "a@example.com", "", "", "", "", "", "")).reason())
			.isEqualTo("id must not be blank");
		ImportRejection shortRow = rejected(
				rows.check(3, new CsvReader.Record(List.of("c-3", "a@example.com"), 5, null)));
		assertThat(shortRow.reason()).isEqualTo("The row has 2 cells where the header row has 8");
		assertThat(shortRow.contactId()).isEqualTo("c-3");
		assertThat(shortRow.line()).isEqualTo(5);
	}

	@Test
	void overlongValuesAreRejectedAsTheJsonApiRejectsThem() {
		assertThat(rejected(check("x".repeat(256), "a@example.com", "", "", "", "", "", "")).reason())
			.isEqualTo("id size must be between 0 and 255");
		assertThat(rejected(check("c-4", "a@example.com", "A".repeat(256), "", "", "", "", "")).column())
			.isEqualTo("first_name");
	}

	private Outcome check(String... cells) {
		return rows.check(7, new CsvReader.Record(List.of(cells), 9, null));
	}

	private static ImportRejection rejected(Outcome outcome) {
		assertThat(outcome).isInstanceOf(Rejected.class);
		return ((Rejected) outcome).rejection();
	}

}
