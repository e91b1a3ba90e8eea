package io.tidings.journey;

/**
 * What one message did: how many journeys it started, how many waiting ones it continued,
 * and how many it would have started had starting been allowed.
 */
public record JourneyDispatch(int started, int continued, int skipped) {
}
