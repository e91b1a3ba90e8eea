-- Contacts: the dates that date triggers need, engagement for inactivity, and the result of the
-- address check. Attributes stay as a JSON document for reading, and are also kept one row per
-- scalar value in contact_attributes, so segment rules can query them in plain SQL on H2 and
-- PostgreSQL alike.

ALTER TABLE contacts ADD COLUMN birthday_month SMALLINT;
ALTER TABLE contacts ADD COLUMN birthday_day SMALLINT;
ALTER TABLE contacts ADD COLUMN birthday_year SMALLINT;
ALTER TABLE contacts ADD COLUMN signed_up_on DATE;
ALTER TABLE contacts ADD COLUMN last_engaged_at TIMESTAMP WITH TIME ZONE;
-- VALID, RISKY (role address, disposable domain), INVALID, UNKNOWN (DNS did not answer).
ALTER TABLE contacts ADD COLUMN address_status VARCHAR(16);
ALTER TABLE contacts ADD COLUMN address_reason VARCHAR(255);
ALTER TABLE contacts ADD COLUMN address_checked_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX contacts_birthday ON contacts (birthday_month, birthday_day);
CREATE INDEX contacts_signed_up ON contacts (signed_up_on);
CREATE INDEX contacts_last_engaged ON contacts (last_engaged_at);

-- One row per scalar attribute value. Exactly one value column is set, by the JSON type:
-- strings in text_value, numbers in number_value, booleans in boolean_value; a string that is an
-- ISO date (2026-03-01) is also kept in date_value.
CREATE TABLE contact_attributes (
  contact_id     VARCHAR(255)   NOT NULL,
  name           VARCHAR(128)   NOT NULL,
  text_value     VARCHAR(1000),
  number_value   DECIMAL(30, 10),
  boolean_value  BOOLEAN,
  date_value     DATE,
  PRIMARY KEY (contact_id, name)
);

CREATE INDEX contact_attributes_text ON contact_attributes (name, text_value);
CREATE INDEX contact_attributes_number ON contact_attributes (name, number_value);
CREATE INDEX contact_attributes_date ON contact_attributes (name, date_value);
CREATE INDEX events_name_contact ON events (name, contact_id, received_at);
