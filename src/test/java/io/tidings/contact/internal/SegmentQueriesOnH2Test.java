package io.tidings.contact.internal;

import org.springframework.test.context.TestPropertySource;

/** {@link SegmentQueriesTests} on H2, the default profile's database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:segment-queries;DB_CLOSE_DELAY=-1")
class SegmentQueriesOnH2Test extends SegmentQueriesTests {

}
