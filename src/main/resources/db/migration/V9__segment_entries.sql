-- Segment entry: who was in each watched segment at the last look, so a contact who joins since
-- is seen as entering (once), and one who leaves and comes back enters again. The watch row holds
-- a lease, so one node looks at a segment at a time.
CREATE TABLE segment_watches (
  segment_key    VARCHAR(64)              NOT NULL PRIMARY KEY,
  watched_since  TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_until    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE segment_memberships (
  segment_key  VARCHAR(64)              NOT NULL,
  contact_id   VARCHAR(255)             NOT NULL,
  entered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (segment_key, contact_id)
);
