package io.tidings.tracking.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tidings.tracking.TrackingProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MachineEngagementsTest {

	static final Instant SENT = Instant.parse("2026-11-24T10:00:00Z");

	static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15";

	final MachineEngagements rule = new MachineEngagements(new TrackingProperties.Machine(Duration.ofSeconds(5),
			List.of("17.0.0.0/8", "2620:149::/32"), List.of("bot", "Barracuda")));

	@Test
	void anOpenWithinTheWindowAfterSendingIsAMachines() {
		assertThat(rule.isMachine(SENT, SENT.plusSeconds(2), "203.0.113.9", IPHONE)).isTrue();
		assertThat(rule.isMachine(SENT, SENT.plusMillis(4999), "203.0.113.9", IPHONE)).isTrue();
		assertThat(rule.isMachine(SENT, SENT.minusSeconds(1), "203.0.113.9", IPHONE)).as("before the send was recorded")
			.isTrue();
		assertThat(rule.isMachine(SENT, SENT.plusSeconds(5), "203.0.113.9", IPHONE)).isFalse();
		assertThat(rule.isMachine(null, SENT, "203.0.113.9", IPHONE)).as("send time unknown").isFalse();
	}

	@Test
	void proxyRangesMakeAMachineAtAnyTime() {
		Instant later = SENT.plus(Duration.ofHours(3));
		assertThat(rule.isMachine(SENT, later, "17.58.101.7", IPHONE)).isTrue();
		assertThat(rule.isMachine(SENT, later, "2620:149:a:1::7", IPHONE)).isTrue();
		assertThat(rule.isMachine(SENT, later, "18.58.101.7", IPHONE)).isFalse();
		assertThat(rule.isMachine(SENT, later, "2620:150::1", IPHONE)).isFalse();
		assertThat(rule.isMachine(SENT, later, "not-an-ip", IPHONE)).isFalse();
		assertThat(rule.isMachine(SENT, later, null, IPHONE)).isFalse();
	}

	@Test
	void scannerUserAgentsMakeAMachineWhateverTheirCase() {
		Instant later = SENT.plus(Duration.ofHours(3));
		assertThat(rule.isMachine(SENT, later, "203.0.113.9", "BARRACUDA Sentinel/1.0")).isTrue();
		assertThat(rule.isMachine(SENT, later, "203.0.113.9", "Mozilla/5.0 (compatible; LinkCheckBot/2)")).isTrue();
		assertThat(rule.isMachine(SENT, later, "203.0.113.9", null)).isFalse();
	}

	@Test
	void aBadRangeStopsTheStart() {
		for (String range : List.of("17.0.0.0/33", "example.com/8", "17.0.0/8", "17.0.0.0/x", "")) {
			assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse(range))
				.withMessageContaining("IP range");
		}
		assertThat(IpRange.parse("192.0.2.7").contains("192.0.2.7")).isTrue();
		assertThat(IpRange.parse("192.0.2.7").contains("192.0.2.8")).isFalse();
	}

}
