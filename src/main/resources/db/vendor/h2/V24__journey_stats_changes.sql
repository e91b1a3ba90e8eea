-- H2 (the zero-setup profile) has no triggers for the journey statistics rollup: the statistics
-- read the raw tables there, and the rollup stays off (see JourneyStatsRollup).
COMMENT ON TABLE journey_stats_changes IS 'Filled on PostgreSQL only';
