-- One row per time a trigger fired for a contact, so it fires once per period however many
-- nodes look and however often they restart: the primary key refuses a second firing.
-- period is the year for birthdays and anniversaries, and the start of the quiet spell for
-- inactivity.
CREATE TABLE trigger_firings (
  trigger_key  VARCHAR(300)             NOT NULL,
  contact_id   VARCHAR(255)             NOT NULL,
  period       VARCHAR(64)              NOT NULL,
  fired_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (trigger_key, contact_id, period)
);

-- An event whose contact's address is invalid starts no journey: how many it would have
-- started, and why not.
ALTER TABLE events ADD COLUMN skipped_journeys INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE events ADD COLUMN skip_reason VARCHAR(255);
