-- The delivery workers' claim asks for the earliest due rows among those still to be sent
-- (DeliveryStore.claim). deliveries_due (status, next_attempt_at) cannot give them in order for
-- three statuses at once, so every claim read and sorted the whole backlog: at 50,000 queued mails
-- the drain fell to about half its rate at 5,000 (bench/perf). This index holds only the unsent
-- rows, in due order, so a claim reads its batch and stops; sent rows never enter it.
CREATE INDEX deliveries_claimable ON deliveries (next_attempt_at)
  WHERE status IN ('QUEUED', 'DEFERRED', 'SENDING');
