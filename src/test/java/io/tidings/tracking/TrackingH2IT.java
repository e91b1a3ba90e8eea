package io.tidings.tracking;

import org.springframework.test.context.TestPropertySource;

/** Open and click tracking on H2, the zero-setup default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:tracking;DB_CLOSE_DELAY=-1")
class TrackingH2IT extends TrackingScenarios {

}
