package io.tidings.tracking.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tidings.tracking.TrackingProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversionAttributionTest {

	final ConversionAttribution attribution = new ConversionAttribution(null, null,
			new TrackingProperties(true, true,
					new TrackingProperties.Machine(Duration.ofSeconds(5), List.of(), List.of()),
					new TrackingProperties.Conversions(List.of("OrderPlaced"), Duration.ofDays(5),
							List.of("revenue", "total"))));

	@Test
	void revenueIsTheFirstFieldPresentAsANumberOrNumericText() {
		assertThat(attribution.revenue(Map.of("revenue", 49.9, "total", 10))).isEqualByComparingTo("49.9");
		assertThat(attribution.revenue(Map.of("total", "1 000"))).isNull();
		assertThat(attribution.revenue(Map.of("total", " 12.345678 "))).isEqualTo(new BigDecimal("12.3457"));
		assertThat(attribution.revenue(Map.of("revenue", "lots"))).isNull();
		assertThat(attribution.revenue(Map.of("revenue", List.of(1)))).isNull();
		assertThat(attribution.revenue(Map.of("revenue", 1e16))).as("beyond DECIMAL(19,4)").isNull();
		assertThat(attribution.revenue(Map.of())).isNull();
	}

	@Test
	void currencyIsAThreeLetterCode() {
		assertThat(ConversionAttribution.currency(Map.of("currency", "eur"))).isEqualTo("EUR");
		assertThat(ConversionAttribution.currency(Map.of("currency", "EURO"))).isNull();
		assertThat(ConversionAttribution.currency(Map.of("currency", 978))).isNull();
		assertThat(ConversionAttribution.currency(Map.of())).isNull();
	}

}
