-- Contact imports (POST /api/contacts/import). An import commits batch by batch; its row here
-- carries the counts of the batches committed so far, in the same transaction, so after a crash
-- it still says how far the import got (and stays RUNNING, with updated_at telling since when).
CREATE TABLE contact_imports (
  id              VARCHAR(36)              NOT NULL PRIMARY KEY,
  -- RUNNING, COMPLETED, or FAILED when the file broke off or broke the CSV format.
  status          VARCHAR(16)              NOT NULL,
  started_by      VARCHAR(255),
  started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at     TIMESTAMP WITH TIME ZONE,
  row_count       BIGINT                   NOT NULL,
  created_count   BIGINT                   NOT NULL,
  updated_count   BIGINT                   NOT NULL,
  rejected_count  BIGINT                   NOT NULL,
  failure         VARCHAR(2000)
);

-- The rows an import set aside: where they are in the file, whose they were, and why. The row's
-- cells are not kept: the caller has the file.
CREATE TABLE contact_import_rejections (
  import_id     VARCHAR(36)    NOT NULL,
  row_no        BIGINT         NOT NULL,
  line_no       BIGINT         NOT NULL,
  contact_id    VARCHAR(255),
  column_names  VARCHAR(1000)  NOT NULL,
  reason        VARCHAR(2000)  NOT NULL,
  PRIMARY KEY (import_id, row_no)
);
