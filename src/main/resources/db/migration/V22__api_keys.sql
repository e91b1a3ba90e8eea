-- API keys for machine clients (README, "Roles and API keys"). Only the SHA-256 of the secret is
-- kept; the secret itself is shown once, when the key is made. A revoked key keeps its row, so the
-- list of who had access stays answerable, but never authenticates again.
CREATE TABLE api_keys (
  id            VARCHAR(36)              NOT NULL PRIMARY KEY,
  name          VARCHAR(100)             NOT NULL,
  roles         VARCHAR(100)             NOT NULL,
  secret_hash   CHAR(64)                 NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by    VARCHAR(255)             NOT NULL,
  last_used_at  TIMESTAMP WITH TIME ZONE,
  revoked_at    TIMESTAMP WITH TIME ZONE
);

CREATE UNIQUE INDEX api_keys_secret_hash ON api_keys (secret_hash);
