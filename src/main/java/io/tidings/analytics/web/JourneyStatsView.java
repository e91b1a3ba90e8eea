package io.tidings.analytics.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tidings.analytics.JourneyGoalStats.Goals;
import io.tidings.analytics.JourneyStats.Report;

/**
 * The mail figures of a journey with its goal figures beside them, as one JSON object.
 */
record JourneyStatsView(@JsonUnwrapped Report report, Goals goals) {
}
