-- Synthetic journey mails and their engagement, in the tables and columns the delivery, tracking and
-- consent modules write (V1, V2, V7, V10, V15, V17, V18). psql variables: deliveries (rows), now
-- (the moment the 90 days end). Deterministic: the same size gives the same data.
\set ON_ERROR_STOP on
SELECT setseed(0.42);

-- Three journeys of the bpmn/ folder with their real send steps (every other step an A/B test),
-- two or three versions each, deployed one after the other over the 90 days.
CREATE TEMP TABLE bench_steps (journey_key VARCHAR(255), step_no INT, step_id VARCHAR(255), ab BOOLEAN,
                               steps INT, versions INT);
INSERT INTO bench_steps VALUES
  ('welcome', 0, 'SendWelcomeEmail', FALSE, 5, 3), ('welcome', 1, 'SendTipsEmail', TRUE, 5, 3),
  ('welcome', 2, 'SendStoriesEmail', FALSE, 5, 3), ('welcome', 3, 'SendUpgradeOfferEmail', TRUE, 5, 3),
  ('welcome', 4, 'SendCheckInEmail', FALSE, 5, 3),
  ('lead-nurturing', 0, 'SendNurture1', TRUE, 8, 3), ('lead-nurturing', 1, 'SendNurture2', FALSE, 8, 3),
  ('lead-nurturing', 2, 'SendNurture3', TRUE, 8, 3), ('lead-nurturing', 3, 'SendNurture4', FALSE, 8, 3),
  ('lead-nurturing', 4, 'SendNurture5', TRUE, 8, 3), ('lead-nurturing', 5, 'SendNurture6', FALSE, 8, 3),
  ('lead-nurturing', 6, 'SendNurture7', TRUE, 8, 3), ('lead-nurturing', 7, 'SendNurture8', FALSE, 8, 3),
  ('abandoned-cart', 0, 'SendFirstReminder', TRUE, 3, 2), ('abandoned-cart', 1, 'SendSecondReminder', FALSE, 3, 2),
  ('abandoned-cart', 2, 'SendLastReminder', TRUE, 3, 2);

-- Mail g goes to journey g % 5 (two fifths welcome, two fifths lead nurturing, one fifth abandoned
-- cart); within it, consecutive mails are the steps of one instance, two days apart, to one contact.
CREATE TEMP TABLE bench_mail AS
WITH m AS (
  SELECT g, CASE WHEN g % 5 < 2 THEN 'welcome' WHEN g % 5 < 4 THEN 'lead-nurturing' ELSE 'abandoned-cart' END
           AS journey_key, g / 5 AS n, g % 5 AS lane
  FROM generate_series(0, :deliveries - 1) g
), i AS (
  SELECT m.g, m.journey_key, s.step_id, s.ab, s.versions, s.steps, m.n / s.steps AS instance, m.lane,
         s.step_no
  FROM m JOIN bench_steps s ON s.journey_key = m.journey_key AND s.step_no = m.n % s.steps
), t AS (
  SELECT i.*,
         -- the instance starts at a pseudo-random second of the first (90 - 2 x steps) days
         ((i.instance * 7919 + i.lane * 104729) % ((90 - 2 * i.steps) * 86400)) AS start_s,
         ((i.instance * 2654435761 + i.lane * 40503) % GREATEST(:deliveries / 4, 1)) AS contact_no
  FROM i
)
SELECT md5('mail' || g)::uuid::text AS id, g, journey_key, step_id, step_no, instance, contact_no,
       'bench-c-' || contact_no AS contact_id,
       md5('instance' || lane || '-' || instance)::uuid::text AS instance_id,
       CASE WHEN ab THEN CASE WHEN contact_no % 2 = 0 THEN 'A' ELSE 'B' END END AS variant,
       1 + (start_s * versions) / ((90 - 2 * steps) * 86400) AS journey_version,
       TIMESTAMPTZ :'now' - INTERVAL '90 days'
         + make_interval(secs => start_s + step_no * 2 * 86400 + (random() * 7200)::int) AS created_at,
       random() AS r_status, random() AS r_open, random() AS r_machine, random() AS r_click,
       random() AS r_convert, random() AS r_unsubscribe, random() AS r_later
FROM t;

ALTER TABLE bench_mail ADD COLUMN status VARCHAR(16);
UPDATE bench_mail SET status = CASE
    WHEN created_at > TIMESTAMPTZ :'now' - INTERVAL '1 day' AND r_status < 0.05 THEN 'QUEUED'
    WHEN created_at > TIMESTAMPTZ :'now' - INTERVAL '1 day' AND r_status < 0.25 THEN 'DEFERRED'
    WHEN r_status < 0.010 THEN 'BOUNCED'
    WHEN r_status < 0.016 THEN 'SKIPPED'
    WHEN r_status < 0.018 THEN 'FAILED'
    WHEN r_status < 0.021 THEN 'CANCELLED'
    ELSE 'SENT' END;

INSERT INTO contacts (id, email, first_name, locale, time_zone, attributes, created_at, updated_at, signed_up_on)
SELECT 'bench-c-' || c, 'bench-c-' || c || '@example.com', 'First' || c,
       (ARRAY['en', 'nl-BE', 'de', 'fr'])[1 + c % 4],
       (ARRAY['Europe/Amsterdam', 'America/New_York', 'Asia/Tokyo', 'UTC'])[1 + c % 4], '{}',
       TIMESTAMPTZ :'now' - INTERVAL '120 days', TIMESTAMPTZ :'now' - INTERVAL '120 days',
       CAST(TIMESTAMPTZ :'now' - INTERVAL '120 days' AS DATE)
FROM generate_series(0, GREATEST(:deliveries / 4, 1) - 1) c;

-- The body is what a rendered, tracked mail looks like to the table: repetitive markup (it
-- compresses) with per-mail link and pixel tokens (they do not).
INSERT INTO deliveries (id, dedupe_key, message_id, contact_id, journey_key, journey_instance_id, execution_id,
    activity_instance_id, step_id, template_key, category, topic, recipient, recipient_name, recipient_time_zone,
    subject, html_body, text_body, unsubscribe_url, variant, journey_version, status, attempts, next_attempt_at,
    created_at, sent_at, bounced_at, report_due, status_reason, smtp_reply)
SELECT id, 'journey/' || instance_id || '/' || step_id, '<' || id || '@tidings.localhost>', contact_id, journey_key,
       instance_id, md5('exec' || id)::uuid::text, step_id || ':' || md5('act' || id)::uuid::text, step_id,
       journey_key || '-' || step_no, 'MARKETING', 'newsletter', contact_id || '@example.com', 'First' || contact_no,
       'Europe/Amsterdam', 'Step ' || step_no || ' of ' || journey_key || CASE WHEN variant = 'B' THEN ' (B)' ELSE '' END,
       '<html><body><table>' || repeat('<tr><td style="padding:8px;font-family:Arial,sans-serif">'
         || 'We thought you might like this.</td></tr>', 40)
         || '<a href="https://tidings.localhost/t/c/' || md5('l1' || id) || '">Read more</a>'
         || '<a href="https://tidings.localhost/t/c/' || md5('l2' || id) || '">Shop</a>'
         || '<img src="https://tidings.localhost/t/o/' || md5('o' || id) || '.gif"></table></body></html>',
       repeat('We thought you might like this. ', 20) || 'https://tidings.localhost/t/c/' || md5('l1' || id),
       'https://tidings.localhost/u/' || md5('u' || id), variant, journey_version, status,
       CASE WHEN status IN ('QUEUED', 'SKIPPED', 'CANCELLED') THEN 0 WHEN status = 'FAILED' THEN 8 ELSE 1 END,
       CASE WHEN status = 'DEFERRED' THEN TIMESTAMPTZ :'now' + INTERVAL '6 hours' ELSE created_at END,
       created_at,
       CASE WHEN status IN ('SENT', 'BOUNCED') THEN created_at + INTERVAL '4 seconds' END,
       CASE WHEN status = 'BOUNCED' THEN created_at + INTERVAL '5 seconds' END,
       FALSE,
       CASE status WHEN 'DEFERRED' THEN 'quiet hours' WHEN 'SKIPPED' THEN 'suppressed' WHEN 'FAILED'
         THEN 'gave up after the last attempt' WHEN 'BOUNCED' THEN 'hard bounce'
         WHEN 'CANCELLED' THEN 'contact unsubscribed' END,
       CASE WHEN status = 'SENT' THEN '250 2.0.0 Ok: queued' WHEN status = 'BOUNCED' THEN '550 5.1.1 No such user' END
FROM bench_mail;

-- Every tracked mail has its pixel row from the moment it is queued. A quarter of the delivered
-- mails are opened by a person (a third of those more than once), one in ten is fetched by a
-- machine (privacy proxies, scanners).
ALTER TABLE bench_mail ADD COLUMN human_opens INT, ADD COLUMN machine_opens INT, ADD COLUMN opened_at TIMESTAMPTZ;
UPDATE bench_mail SET
  human_opens = CASE WHEN status = 'SENT' AND r_open < 0.25 THEN 1 + (r_open < 0.08)::int ELSE 0 END,
  machine_opens = CASE WHEN status = 'SENT' AND r_machine < 0.10 THEN 1 ELSE 0 END,
  opened_at = created_at + INTERVAL '4 seconds' + make_interval(secs => (r_later * r_later * 3 * 86400)::int);

INSERT INTO delivery_opens (delivery_id, open_token, contact_id, open_count, first_opened_at, last_opened_at,
    human_open_count, first_human_open_at, created_at)
SELECT id, md5('o' || id), contact_id, human_opens + machine_opens,
       CASE WHEN machine_opens > 0 THEN created_at + INTERVAL '10 seconds' WHEN human_opens > 0 THEN opened_at END,
       CASE WHEN human_opens > 1 THEN opened_at + INTERVAL '1 day' WHEN human_opens > 0 THEN opened_at
            WHEN machine_opens > 0 THEN created_at + INTERVAL '10 seconds' END,
       human_opens, CASE WHEN human_opens > 0 THEN opened_at END, created_at
FROM bench_mail;

-- Every pixel fetch and click is an engagement row. 16 % of the openers click (4 % of the
-- delivered), a fifth of them twice; link scanners click 1 % of the delivered mails.
INSERT INTO engagements (id, delivery_id, contact_id, journey_key, journey_instance_id, step_id, kind, machine,
    url, ip, user_agent, occurred_at)
SELECT md5('open' || id || k)::uuid::text, id, contact_id, journey_key, instance_id, step_id, 'OPEN', FALSE,
       NULL, '203.0.113.' || (contact_no % 250), 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
       opened_at + make_interval(days => k - 1)
FROM bench_mail, generate_series(1, 2) k WHERE k <= human_opens
UNION ALL
SELECT md5('machine' || id)::uuid::text, id, contact_id, journey_key, instance_id, step_id, 'OPEN', TRUE, NULL,
       '17.58.0.1', 'Mozilla/5.0', created_at + INTERVAL '10 seconds'
FROM bench_mail WHERE machine_opens > 0
UNION ALL
SELECT md5('click' || id || k)::uuid::text, id, contact_id, journey_key, instance_id, step_id, 'CLICK', FALSE,
       'https://shop.example.com/p/' || step_no, '203.0.113.' || (contact_no % 250),
       'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', opened_at + make_interval(mins => 1 + 30 * (k - 1))
FROM bench_mail, generate_series(1, 2) k
WHERE human_opens > 0 AND r_click < 0.16 AND (k = 1 OR r_click < 0.032)
UNION ALL
SELECT md5('scan' || id)::uuid::text, id, contact_id, journey_key, instance_id, step_id, 'CLICK', TRUE,
       'https://shop.example.com/p/' || step_no, '198.51.100.7', 'SafeLinks', created_at + INTERVAL '8 seconds'
FROM bench_mail WHERE status = 'SENT' AND r_machine > 0.99;

-- One click in ten leads to an order within a day, attributed to the click (as TrackingStore
-- does: no variant); a few orders come without a click.
INSERT INTO conversions (id, event_id, event_name, contact_id, revenue, currency, delivery_id, journey_key,
    journey_instance_id, step_id, clicked_at, occurred_at)
SELECT md5('conv' || id)::uuid::text, 'bench-order-' || id, 'OrderPlaced', contact_id,
       round(CAST(10 + r_convert * 1900 AS NUMERIC), 2), 'EUR', id, journey_key, instance_id, step_id,
       opened_at + INTERVAL '1 minute', opened_at + INTERVAL '1 minute' + make_interval(mins => (r_later * 1440)::int)
FROM bench_mail WHERE human_opens > 0 AND r_click < 0.016
UNION ALL
SELECT md5('order' || c)::uuid::text, 'bench-order-c' || c, 'OrderPlaced', 'bench-c-' || c, 49.90, 'EUR',
       NULL, NULL, NULL, NULL, NULL, TIMESTAMPTZ :'now' - make_interval(days => c % 90)
FROM generate_series(0, GREATEST(:deliveries / 4, 1) - 1, 100) c;

-- Every contact subscribed when imported; 0.2 % of the delivered mails are followed by an
-- unsubscribe within five days (so some fall outside the three days the statistics count).
INSERT INTO consent_records (id, contact_id, topic, action, source, detail, recorded_at)
SELECT md5('sub' || c)::uuid::text, 'bench-c-' || c, NULL, 'SUBSCRIBED', 'IMPORT', 'bench',
       TIMESTAMPTZ :'now' - INTERVAL '120 days'
FROM generate_series(0, GREATEST(:deliveries / 4, 1) - 1) c
UNION ALL
SELECT md5('unsub' || id)::uuid::text, contact_id, NULL, 'UNSUBSCRIBED', 'ONE_CLICK', NULL,
       created_at + make_interval(secs => (r_later * 5 * 86400)::int)
FROM bench_mail WHERE status = 'SENT' AND r_unsubscribe < 0.002;

DROP TABLE bench_mail;
DROP TABLE bench_steps;
