-- Broadcasts: a journey started for every member of a segment, in chunks, by whichever node holds
-- the lease. One recipient row per contact makes each start happen once across crashes and
-- resumes, and the progress is counted from those rows.
CREATE TABLE broadcasts (
  id           VARCHAR(36)              NOT NULL PRIMARY KEY,
  journey_key  VARCHAR(255)             NOT NULL,
  segment_key  VARCHAR(64)              NOT NULL,
  per_second   INTEGER                  NOT NULL,
  status       VARCHAR(16)              NOT NULL,
  cursor_id    VARCHAR(255),
  total        BIGINT                   NOT NULL,
  claimed_by   VARCHAR(64),
  lease_until  TIMESTAMP WITH TIME ZONE,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at  TIMESTAMP WITH TIME ZONE,
  last_error   VARCHAR(1000)
);

CREATE INDEX broadcasts_status ON broadcasts (status, lease_until);

CREATE TABLE broadcast_recipients (
  broadcast_id  VARCHAR(36)   NOT NULL,
  contact_id    VARCHAR(255)  NOT NULL,
  outcome       VARCHAR(16)   NOT NULL,
  reason        VARCHAR(255),
  PRIMARY KEY (broadcast_id, contact_id)
);

CREATE INDEX broadcast_recipients_outcome ON broadcast_recipients (broadcast_id, outcome, reason);
