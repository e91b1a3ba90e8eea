-- Our own tables; Camunda manages its ACT_* tables itself.
-- Written in the SQL that H2 and PostgreSQL both accept, so both databases run the same migrations.

CREATE TABLE contacts (
  id              VARCHAR(255)             NOT NULL PRIMARY KEY,
  email           VARCHAR(320)             NOT NULL,
  first_name      VARCHAR(255),
  last_name       VARCHAR(255),
  locale          VARCHAR(35),
  time_zone       VARCHAR(64),
  attributes      TEXT                     NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX contacts_email ON contacts (email);

CREATE TABLE events (
  id                  VARCHAR(255)             NOT NULL PRIMARY KEY,
  name                VARCHAR(128)             NOT NULL,
  contact_id          VARCHAR(255)             NOT NULL,
  correlation_key     VARCHAR(255),
  data                TEXT                     NOT NULL,
  received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  started_journeys    INTEGER                  NOT NULL,
  continued_journeys  INTEGER                  NOT NULL
);

CREATE INDEX events_contact ON events (contact_id, received_at);

-- The outbox: one row per email a journey step asked for. Rows are written in the engine's
-- transaction; delivery workers claim them after commit and record the SMTP outcome.
CREATE TABLE deliveries (
  id                   VARCHAR(36)              NOT NULL PRIMARY KEY,
  dedupe_key           VARCHAR(255)             NOT NULL,
  message_id           VARCHAR(320)             NOT NULL,
  contact_id           VARCHAR(255)             NOT NULL,
  journey_key          VARCHAR(255),
  journey_instance_id  VARCHAR(64),
  step_id              VARCHAR(255),
  template_key         VARCHAR(255)             NOT NULL,
  category             VARCHAR(32)              NOT NULL,
  recipient            VARCHAR(320)             NOT NULL,
  recipient_name       VARCHAR(512),
  subject              VARCHAR(998)             NOT NULL,
  html_body            TEXT                     NOT NULL,
  text_body            TEXT                     NOT NULL,
  status               VARCHAR(16)              NOT NULL,
  attempts             INTEGER                  NOT NULL,
  next_attempt_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_by           VARCHAR(128),
  last_error           VARCHAR(2000),
  smtp_reply           VARCHAR(2000),
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at              TIMESTAMP WITH TIME ZONE,
  CONSTRAINT deliveries_dedupe UNIQUE (dedupe_key)
);

CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX deliveries_contact ON deliveries (contact_id, created_at);
CREATE INDEX deliveries_journey_instance ON deliveries (journey_instance_id);
