-- H2 has no statistics triggers (V24); the PostgreSQL version of this migration changes one.
COMMENT ON TABLE journey_stats_changes IS 'Filled on PostgreSQL only';
