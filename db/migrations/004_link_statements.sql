-- claimex schema version 4: faster ingest (db/SCHEMA.md, "Links" and "Full-text search").

-- The link signature of every linked statement (db/link_signature.h: its word tokens, quote and
-- figures, encoded once at ingest), so that a candidate is verified from one row instead of its
-- sentence, claims and quotes read back and tokenized again. Statements of articles stored
-- before this migration have none and are linked verbatim only.
CREATE TABLE link_statements (
  sentence INTEGER PRIMARY KEY REFERENCES sentences(id) ON DELETE CASCADE,
  article  INTEGER NOT NULL,             -- sentences.article and
  hash     INTEGER NOT NULL,             -- sentences.hash, so one row is all a candidate needs
  sig      BLOB NOT NULL
) STRICT;

-- Sentences are added to the full-text index in bulk when a batch commits (db/store.cc), no
-- longer one by one from a trigger: FTS5 writes its pending terms out at every savepoint, and
-- every article is written inside one, so the trigger cost a segment per statement.
DROP TRIGGER sentences_fts_insert;
