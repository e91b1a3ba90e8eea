-- The statistics count a mail still queued, deferred or being sent as one figure ("deferred",
-- RollupSql), so a move between those three changes no figure. V24's row trigger marked a day for
-- every one of them all the same: each claim of a batch by a delivery worker, each release and each
-- deferral wrote one journey_stats_changes row per mail for the rollup to read and throw away.
DROP TRIGGER deliveries_stats_update ON deliveries;

CREATE TRIGGER deliveries_stats_update AFTER UPDATE ON deliveries FOR EACH ROW
  WHEN ((OLD.status IS DISTINCT FROM NEW.status
      AND NOT (OLD.status IN ('QUEUED', 'DEFERRED', 'SENDING') AND NEW.status IN ('QUEUED', 'DEFERRED', 'SENDING')))
    OR OLD.sent_at IS DISTINCT FROM NEW.sent_at
    OR OLD.journey_key IS DISTINCT FROM NEW.journey_key OR OLD.created_at IS DISTINCT FROM NEW.created_at
    OR OLD.journey_version IS DISTINCT FROM NEW.journey_version OR OLD.step_id IS DISTINCT FROM NEW.step_id
    OR OLD.variant IS DISTINCT FROM NEW.variant OR OLD.contact_id IS DISTINCT FROM NEW.contact_id)
  EXECUTE FUNCTION journey_stats_mail_updated();
