-- Migrations of running journeys to a newer version (POST /api/journeys/{key}/migrations): one row
-- per engine batch, so a batch id can be checked against its journey and the history is kept.
CREATE TABLE journey_migrations (
  batch_id      VARCHAR(64)              NOT NULL PRIMARY KEY,
  journey_key   VARCHAR(255)             NOT NULL,
  from_version  INTEGER                  NOT NULL,
  to_version    INTEGER                  NOT NULL,
  instances     BIGINT                   NOT NULL,
  blocked       BIGINT                   NOT NULL,
  started_by    VARCHAR(255),
  started_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX journey_migrations_by_journey ON journey_migrations (journey_key, started_at);
