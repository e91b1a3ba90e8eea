package io.tidings.event;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param eventsPerTransaction events of a batch ({@code POST /api/events/batch}) stored
 * and handed to the journeys in one transaction: one commit for several events. When one
 * of them fails, its group is undone and its events go again one by one, so a bad event
 * neither stops nor undoes the others.
 */
@Validated
@ConfigurationProperties("tidings.events")
public record EventProperties(@Min(1) @Max(1000) @DefaultValue("20") int eventsPerTransaction) {
}
