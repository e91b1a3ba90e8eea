-- Journey goals (a "Goal reached" step in an event sub-process): each contact that reached a
-- goal of a journey instance, once per instance and goal. The journey module writes it; the
-- statistics read it for goal conversion per journey and per send step.
CREATE TABLE journey_goals (
  id                   VARCHAR(36)              NOT NULL PRIMARY KEY,
  contact_id           VARCHAR(255)             NOT NULL,
  journey_key          VARCHAR(255)             NOT NULL,
  journey_version      INTEGER                  NOT NULL,
  journey_instance_id  VARCHAR(64)              NOT NULL,
  goal                 VARCHAR(64)              NOT NULL,
  event_name           VARCHAR(128)             NOT NULL,
  -- where the contact was when the goal event came (a wait, a send step), and the send step of
  -- the last mail the journey had queued for it before: the step the goal counts for
  at_step_id           VARCHAR(255),
  mail_step_id         VARCHAR(255),
  exited               BOOLEAN                  NOT NULL,
  goal_value           DECIMAL(19, 4),
  currency             VARCHAR(3),
  reached_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT journey_goals_once UNIQUE (journey_instance_id, goal)
);

CREATE INDEX journey_goals_journey ON journey_goals (journey_key, reached_at);
CREATE INDEX journey_goals_contact ON journey_goals (contact_id);
