package io.tidings.delivery.internal;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailStreamProvidersTest {

	private String before;

	@BeforeEach
	void remember() {
		before = System.getProperty(MailStreamProviders.PROPERTY);
	}

	@AfterEach
	void restore() {
		if (before == null) {
			System.clearProperty(MailStreamProviders.PROPERTY);
		}
		else {
			System.setProperty(MailStreamProviders.PROPERTY, before);
		}
	}

	@Test
	void namesAngusMailsProviderSoThatJakartaMailFindsItWithoutTheServiceLoader() {
		System.clearProperty(MailStreamProviders.PROPERTY);

		assertThat(MailStreamProviders.pin()).isEqualTo(MailStreamProviders.ANGUS);

		assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailStreamProviders.ANGUS);
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreamProviders.ANGUS);
	}

	@Test
	void leavesAProviderChosenByTheOperatorAlone() {
		System.setProperty(MailStreamProviders.PROPERTY, "com.example.OwnProvider");

		assertThat(MailStreamProviders.pin()).isEqualTo("com.example.OwnProvider");

		assertThat(System.getProperty(MailStreamProviders.PROPERTY)).isEqualTo("com.example.OwnProvider");
	}

}
