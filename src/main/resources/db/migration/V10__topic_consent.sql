-- Consent per marketing topic (newsletter, promotions, ...): the state each contact is in now, a
-- detail on each recorded change (an import's consent source, say), and each mail's topic so an
-- unsubscribe from one topic withdraws only that topic's queued mail.

CREATE TABLE topic_consents (
  contact_id  VARCHAR(255)             NOT NULL,
  topic       VARCHAR(64)              NOT NULL,
  -- SUBSCRIBED, UNSUBSCRIBED, or PENDING while a double opt-in waits for its click
  status      VARCHAR(16)              NOT NULL,
  source      VARCHAR(32)              NOT NULL,
  changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (contact_id, topic)
);

ALTER TABLE consent_records ADD COLUMN detail VARCHAR(255);

-- Null for transactional mail.
ALTER TABLE deliveries ADD COLUMN topic VARCHAR(64);
