-- Per-step journey statistics (GET /api/journeys/{key}/stats): each mail remembers the version of
-- the journey that sent it, and the statistics read mails by journey and time.
ALTER TABLE deliveries ADD COLUMN journey_version INTEGER;

CREATE INDEX deliveries_journey_step ON deliveries (journey_key, created_at, step_id);
