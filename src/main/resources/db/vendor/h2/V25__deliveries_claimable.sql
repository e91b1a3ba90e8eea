-- H2 has no partial indexes; its claims use deliveries_due (V1). The PostgreSQL version of this
-- migration adds deliveries_claimable, an index of the unsent rows in due order.
COMMENT ON TABLE deliveries IS 'Outbox and delivery record, one row per mail';
