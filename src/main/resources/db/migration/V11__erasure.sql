-- Addresses of contacts erased on request (DELETE /api/contacts/{id}). Only the SHA-256 of the
-- normalised address (trimmed, lower-cased) is kept, as hex: enough to recognise the address when
-- someone offers it again (an import skips it, marketing mail to it stays blocked), not enough to
-- read it back.
CREATE TABLE erased_addresses (
  address_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
  erased_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
