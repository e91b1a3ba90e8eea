package io.tidings.journey;

/**
 * What one message did: how many journeys it started, and how many waiting ones it
 * continued.
 */
public record JourneyDispatch(int started, int continued) {
}
