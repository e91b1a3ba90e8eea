-- Segments: named rules over contacts, stored as the JSON the API was given. Membership is not
-- stored; each question compiles the rule to SQL over contacts, contact_attributes and events.
-- The indexes those queries lean on exist already: contact_attributes' primary key
-- (contact_id, name) for attribute rules, events_name_contact (name, contact_id, received_at)
-- for event rules, and the contacts primary key for paging in id order.

CREATE TABLE segments (
  segment_key  VARCHAR(64)              NOT NULL PRIMARY KEY,
  name         VARCHAR(255)             NOT NULL,
  rule         TEXT                     NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
