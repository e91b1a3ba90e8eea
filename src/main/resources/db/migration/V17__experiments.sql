-- A/B tests (README, "A/B tests"). An experiment is one send step with variants or one split step,
-- named by journey key and step id; its definition is the one last seen in a running journey.
CREATE TABLE experiments (
  id                 VARCHAR(512)             NOT NULL PRIMARY KEY,
  journey_key        VARCHAR(255)             NOT NULL,
  step_id            VARCHAR(255)             NOT NULL,
  kind               VARCHAR(16)              NOT NULL,
  variable_name      VARCHAR(255),
  variants           VARCHAR(4000)            NOT NULL,
  metric             VARCHAR(16)              NOT NULL,
  auto_winner_after  INTEGER,
  first_seen_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One variant per contact and experiment, for good: retries, loops and re-runs get the same one.
CREATE TABLE experiment_assignments (
  experiment_id  VARCHAR(512)             NOT NULL,
  contact_id     VARCHAR(255)             NOT NULL,
  variant        VARCHAR(64)              NOT NULL,
  assigned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (experiment_id, contact_id)
);

CREATE INDEX experiment_assignments_contact ON experiment_assignments (contact_id);

-- An auto-winner decision: from then on every new contact of the experiment gets the winner.
-- figures holds each variant's sample, successes and rate at the moment of the decision (JSON).
CREATE TABLE experiment_decisions (
  experiment_id  VARCHAR(512)             NOT NULL PRIMARY KEY,
  winner         VARCHAR(64)              NOT NULL,
  metric         VARCHAR(16)              NOT NULL,
  confidence     DOUBLE PRECISION         NOT NULL,
  z_score        DOUBLE PRECISION         NOT NULL,
  p_value        DOUBLE PRECISION         NOT NULL,
  figures        VARCHAR(4000)            NOT NULL,
  decided_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The content variant a send step's mail was given; null for a step without variants.
ALTER TABLE deliveries ADD COLUMN variant VARCHAR(64);

CREATE INDEX deliveries_experiment ON deliveries (journey_key, step_id, variant);
