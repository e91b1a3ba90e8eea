package io.tidings.contact;

import org.springframework.test.context.TestPropertySource;

/** The contact import on H2, the zero-setup default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:contact-import;DB_CLOSE_DELAY=-1")
class ContactImportH2IT extends ContactImportScenarios {

}
