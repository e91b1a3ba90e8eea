package io.tidings.platform.access;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of Camunda's REST API {@code /engine-rest} offers.
 *
 * @param exposeAll {@code false}: only message correlation and reads of process instances
 * and incidents; {@code true}: the whole API (for administrators)
 * @param deploymentEnabled whether {@code POST /engine-rest/deployment/create} may deploy
 * BPMN (administrators only), whatever {@code exposeAll} says
 * @param maxResults most rows one list query may ask for; a query that names no
 * {@code maxResults} gets this many at most
 */
@Validated
@ConfigurationProperties("tidings.engine-rest")
public record EngineRestProperties(@DefaultValue("false") boolean exposeAll,
		@DefaultValue("false") boolean deploymentEnabled, @DefaultValue("1000") @Min(1) @Max(100000) int maxResults) {
}
