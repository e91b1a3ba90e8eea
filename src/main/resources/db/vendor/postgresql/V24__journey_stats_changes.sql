-- Marks the days of a journey whose statistics a change touches (journey_stats_changes, V23), in
-- the transaction of the change itself, so the rollup never misses one and a query knows which days
-- it must still read raw. A mail's figures belong to the UTC day it was queued on; its opens,
-- clicks and conversions, and an unsubscribe within three days after it went out, change that day.
-- Statement triggers with transition tables write one mark per day for a whole batch; a mail's
-- updates mark only when a column the statistics read changes (not on a worker's claim).
CREATE FUNCTION journey_stats_mails_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO journey_stats_changes (journey_key, mail_day)
  SELECT DISTINCT journey_key, (created_at AT TIME ZONE 'UTC')::date FROM changed_rows
  WHERE journey_key IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER deliveries_stats_insert AFTER INSERT ON deliveries REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_mails_changed();
CREATE TRIGGER deliveries_stats_delete AFTER DELETE ON deliveries REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_mails_changed();

CREATE FUNCTION journey_stats_mail_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.journey_key IS NOT NULL THEN
    INSERT INTO journey_stats_changes (journey_key, mail_day)
    VALUES (OLD.journey_key, (OLD.created_at AT TIME ZONE 'UTC')::date);
  END IF;
  IF NEW.journey_key IS NOT NULL AND (NEW.journey_key IS DISTINCT FROM OLD.journey_key
      OR NEW.created_at IS DISTINCT FROM OLD.created_at) THEN
    INSERT INTO journey_stats_changes (journey_key, mail_day)
    VALUES (NEW.journey_key, (NEW.created_at AT TIME ZONE 'UTC')::date);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER deliveries_stats_update AFTER UPDATE ON deliveries FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.sent_at IS DISTINCT FROM NEW.sent_at
    OR OLD.journey_key IS DISTINCT FROM NEW.journey_key OR OLD.created_at IS DISTINCT FROM NEW.created_at
    OR OLD.journey_version IS DISTINCT FROM NEW.journey_version OR OLD.step_id IS DISTINCT FROM NEW.step_id
    OR OLD.variant IS DISTINCT FROM NEW.variant OR OLD.contact_id IS DISTINCT FROM NEW.contact_id)
  EXECUTE FUNCTION journey_stats_mail_updated();

-- Opens, clicks (engagements) and conversions change the day of the mail they belong to.
CREATE FUNCTION journey_stats_engagements_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO journey_stats_changes (journey_key, mail_day)
  SELECT DISTINCT d.journey_key, (d.created_at AT TIME ZONE 'UTC')::date
  FROM changed_rows c JOIN deliveries d ON d.id = c.delivery_id
  WHERE d.journey_key IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER engagements_stats_insert AFTER INSERT ON engagements REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_engagements_changed();
CREATE TRIGGER engagements_stats_delete AFTER DELETE ON engagements REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_engagements_changed();
CREATE TRIGGER engagements_stats_update_old AFTER UPDATE ON engagements REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_engagements_changed();
CREATE TRIGGER engagements_stats_update_new AFTER UPDATE ON engagements REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_engagements_changed();
CREATE TRIGGER conversions_stats_insert AFTER INSERT ON conversions REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_engagements_changed();
CREATE TRIGGER conversions_stats_delete AFTER DELETE ON conversions REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_engagements_changed();
CREATE TRIGGER conversions_stats_update_old AFTER UPDATE ON conversions REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_engagements_changed();
CREATE TRIGGER conversions_stats_update_new AFTER UPDATE ON conversions REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_engagements_changed();

-- An unsubscribe changes the days of the contact's mails sent in the three days before it (a day
-- more is marked: a day of the session's calendar is not always 24 hours).
CREATE FUNCTION journey_stats_consent_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO journey_stats_changes (journey_key, mail_day)
  SELECT DISTINCT d.journey_key, (d.created_at AT TIME ZONE 'UTC')::date
  FROM changed_rows r JOIN deliveries d ON d.contact_id = r.contact_id
   AND d.sent_at <= r.recorded_at AND d.sent_at > r.recorded_at - INTERVAL '4' DAY
  WHERE r.action = 'UNSUBSCRIBED' AND d.journey_key IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER consent_records_stats_insert AFTER INSERT ON consent_records REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_consent_changed();
CREATE TRIGGER consent_records_stats_delete AFTER DELETE ON consent_records REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_consent_changed();
CREATE TRIGGER consent_records_stats_update_old AFTER UPDATE ON consent_records
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_consent_changed();
CREATE TRIGGER consent_records_stats_update_new AFTER UPDATE ON consent_records
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_stats_consent_changed();

-- Mails stored before the rollup existed: every day of them is yet to be rolled up.
INSERT INTO journey_stats_changes (journey_key, mail_day)
SELECT DISTINCT journey_key, (created_at AT TIME ZONE 'UTC')::date FROM deliveries WHERE journey_key IS NOT NULL;
