-- Consent: the keys unsubscribe links are signed with (rotating a key revokes its links), every
-- consent change with where it came from, and the unsubscribe link each marketing mail carries.

CREATE TABLE consent_keys (
  id          VARCHAR(16)              NOT NULL PRIMARY KEY,
  secret      VARCHAR(128)             NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  retired_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE consent_records (
  id           VARCHAR(36)              NOT NULL PRIMARY KEY,
  contact_id   VARCHAR(255)             NOT NULL,
  -- null: all marketing mail
  topic        VARCHAR(64),
  action       VARCHAR(32)              NOT NULL,
  source       VARCHAR(32)              NOT NULL,
  ip           VARCHAR(64),
  user_agent   VARCHAR(512),
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX consent_records_contact ON consent_records (contact_id, recorded_at);

ALTER TABLE deliveries ADD COLUMN unsubscribe_url VARCHAR(1000);
