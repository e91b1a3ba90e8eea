-- Open and click tracking, and conversions attributed to the clicks. Analytics, A/B tests and
-- send-time learning read these tables; the tracking module alone writes them.

-- One row per tracked mail, made when the mail is queued: the open pixel's token and what the
-- pixel has seen. Human figures leave out machine opens (Apple Mail Privacy Protection, scanners).
CREATE TABLE delivery_opens (
  delivery_id          VARCHAR(36)              NOT NULL PRIMARY KEY,
  open_token           VARCHAR(32)              NOT NULL,
  contact_id           VARCHAR(255)             NOT NULL,
  open_count           INTEGER                  DEFAULT 0 NOT NULL,
  first_opened_at      TIMESTAMP WITH TIME ZONE,
  last_opened_at       TIMESTAMP WITH TIME ZONE,
  human_open_count     INTEGER                  DEFAULT 0 NOT NULL,
  first_human_open_at  TIMESTAMP WITH TIME ZONE,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT delivery_opens_token UNIQUE (open_token)
);

CREATE INDEX delivery_opens_contact ON delivery_opens (contact_id);

-- Every link of a mail that was rewritten to /t/c/{token}: the redirect only ever goes to a URL
-- stored here, never to one the request names.
CREATE TABLE tracked_links (
  token        VARCHAR(32)              NOT NULL PRIMARY KEY,
  delivery_id  VARCHAR(36)              NOT NULL,
  contact_id   VARCHAR(255)             NOT NULL,
  url          VARCHAR(4000)            NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX tracked_links_delivery ON tracked_links (delivery_id);
CREATE INDEX tracked_links_contact ON tracked_links (contact_id);

-- Every pixel fetch and every click, machine ones included (flagged).
CREATE TABLE engagements (
  id                   VARCHAR(36)              NOT NULL PRIMARY KEY,
  delivery_id          VARCHAR(36)              NOT NULL,
  contact_id           VARCHAR(255)             NOT NULL,
  journey_key          VARCHAR(255),
  journey_instance_id  VARCHAR(64),
  step_id              VARCHAR(255),
  kind                 VARCHAR(16)              NOT NULL,
  machine              BOOLEAN                  NOT NULL,
  url                  VARCHAR(4000),
  ip                   VARCHAR(64),
  user_agent           VARCHAR(512),
  occurred_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT engagements_kind CHECK (kind IN ('OPEN', 'CLICK'))
);

CREATE INDEX engagements_delivery ON engagements (delivery_id);
CREATE INDEX engagements_contact ON engagements (contact_id, occurred_at);
CREATE INDEX engagements_step ON engagements (journey_key, step_id, kind);

-- Events counted as conversions (tidings.tracking.conversions.events), attributed to the
-- contact's last human click within the window; the delivery columns are null when there was none.
CREATE TABLE conversions (
  id                   VARCHAR(36)              NOT NULL PRIMARY KEY,
  event_id             VARCHAR(255)             NOT NULL,
  event_name           VARCHAR(128)             NOT NULL,
  contact_id           VARCHAR(255)             NOT NULL,
  revenue              DECIMAL(19, 4),
  currency             VARCHAR(3),
  delivery_id          VARCHAR(36),
  journey_key          VARCHAR(255),
  journey_instance_id  VARCHAR(64),
  step_id              VARCHAR(255),
  variant              VARCHAR(64),
  clicked_at           TIMESTAMP WITH TIME ZONE,
  occurred_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT conversions_event UNIQUE (event_id)
);

CREATE INDEX conversions_contact ON conversions (contact_id, occurred_at);
CREATE INDEX conversions_step ON conversions (journey_key, step_id);
CREATE INDEX conversions_delivery ON conversions (delivery_id);
