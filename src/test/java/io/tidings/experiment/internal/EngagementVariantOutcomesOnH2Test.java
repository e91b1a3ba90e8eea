package io.tidings.experiment.internal;

import org.springframework.test.context.TestPropertySource;

/** {@link EngagementVariantOutcomesTests} on H2, the default profile's database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:engagement-outcomes;DB_CLOSE_DELAY=-1")
class EngagementVariantOutcomesOnH2Test extends EngagementVariantOutcomesTests {

}
