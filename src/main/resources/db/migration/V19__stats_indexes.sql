-- Journey statistics at scale (bench/stats/README.md has the figures at a million mails).
-- The statistics read a journey's mails of a period with the columns they count by: with all of
-- them in the index, PostgreSQL answers from the index alone and never reads the wide mail rows
-- (their bodies). It starts as V18's index on journey and time did, so it replaces that one.
CREATE INDEX deliveries_journey_stats
  ON deliveries (journey_key, created_at, journey_version, step_id, variant, status, sent_at, contact_id, id);
DROP INDEX deliveries_journey_step;

-- A journey's human opens and clicks by mail, from the index alone.
CREATE INDEX engagements_journey_human ON engagements (journey_key, machine, kind, delivery_id);
