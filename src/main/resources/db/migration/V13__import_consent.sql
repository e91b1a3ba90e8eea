-- The consent an import vouched for (POST /api/contacts/import?consentTopics=...&consentSource=...),
-- and how many topic subscriptions it recorded or left as the contacts had decided themselves.
ALTER TABLE contact_imports ADD COLUMN consent_topics VARCHAR(1000);
ALTER TABLE contact_imports ADD COLUMN consent_source VARCHAR(255);
ALTER TABLE contact_imports ADD COLUMN consent_subscribed_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contact_imports ADD COLUMN consent_kept_count BIGINT NOT NULL DEFAULT 0;
