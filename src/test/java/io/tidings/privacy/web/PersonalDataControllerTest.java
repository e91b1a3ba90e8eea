package io.tidings.privacy.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataControllerTest {

	@Test
	void theExportsFileNameKeepsOnlySafeCharactersOfTheId() {
		assertThat(PersonalDataController.fileName("c-42.v2_x")).isEqualTo("contact-c-42.v2_x-personal-data.json");
		assertThat(PersonalDataController.fileName("../etc/passwd"))
			.isEqualTo("contact-.._etc_passwd-personal-data.json");
		assertThat(PersonalDataController.fileName("a\r\nContent-Type: text/html\"; x"))
			.isEqualTo("contact-a__Content-Type__text_html___x-personal-data.json");
		assertThat(PersonalDataController.fileName("x".repeat(300)))
			.hasSize("contact-".length() + 100 + "-personal-data.json".length());
	}

}
