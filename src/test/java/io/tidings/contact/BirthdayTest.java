package io.tidings.contact;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BirthdayTest {

	@Test
	void readsAFullDateADateWithoutYearAndMonthDay() {
		assertThat(Birthday.parse("1990-02-28")).isEqualTo(new Birthday(2, 28, 1990));
		assertThat(Birthday.parse("--12-31")).isEqualTo(new Birthday(12, 31, null));
		assertThat(Birthday.parse("07-04")).isEqualTo(new Birthday(7, 4, null));
		assertThat(Birthday.parse("--02-29").toString()).isEqualTo("--02-29");
		assertThat(Birthday.parse("1984-06-01").toString()).isEqualTo("1984-06-01");
	}

	@Test
	void refusesDaysThatDoNotExist() {
		for (String bad : new String[] { "1990-02-30", "--13-01", "1991-02-29", "tomorrow", "", "1990/02/01",
				"--00-10" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> Birthday.parse(bad))
				.withMessageContaining("YYYY-MM-DD");
		}
	}

	@Test
	void theTwentyNinthOfFebruaryIsCelebratedOnTheTwentyEighthInOtherYears() {
		Birthday leapling = Birthday.parse("2000-02-29");
		assertThat(leapling.in(2027)).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(leapling.in(2028)).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(Birthday.parse("--03-01").in(2027)).isEqualTo(LocalDate.of(2027, 3, 1));
	}

}
