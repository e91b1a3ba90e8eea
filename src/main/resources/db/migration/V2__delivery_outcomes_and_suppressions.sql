-- Delivery guarantees: the journey step that waits for each mail, the outcome it still has to
-- hear about, the contact's time zone for quiet hours, and the suppression list.

ALTER TABLE deliveries ADD COLUMN execution_id VARCHAR(64);
ALTER TABLE deliveries ADD COLUMN activity_instance_id VARCHAR(64);
ALTER TABLE deliveries ADD COLUMN recipient_time_zone VARCHAR(64);
-- True while the row has an outcome (sent, bounced, failed, skipped) its journey has not been
-- told about yet; the reporter clears it in the same transaction that continues the journey.
ALTER TABLE deliveries ADD COLUMN report_due BOOLEAN DEFAULT FALSE NOT NULL;
-- Why a row waits (frequency cap, quiet hours, rate limit, a 4xx reply) or was not sent.
ALTER TABLE deliveries ADD COLUMN status_reason VARCHAR(255);
ALTER TABLE deliveries ADD COLUMN bounced_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX deliveries_report_due ON deliveries (report_due, next_attempt_at);
CREATE INDEX deliveries_contact_sent ON deliveries (contact_id, sent_at);
CREATE INDEX deliveries_message_id ON deliveries (message_id);

-- Addresses no mail goes to: hard bounces (also no transactional mail), complaints and manual
-- blocks (no marketing mail). One row per address, lower-cased.
CREATE TABLE suppressions (
  email        VARCHAR(320)             NOT NULL PRIMARY KEY,
  reason       VARCHAR(32)              NOT NULL,
  detail       VARCHAR(2000),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
