-- claimex schema version 3: the linker's candidate indexes and settings (db/linker.h; documented
-- in db/SCHEMA.md, "Links"). Everything here is derived from stored sentences and claims and can
-- be rebuilt by ingesting the articles again. Articles stored before this migration are linked
-- verbatim only (their statements are not in link_keys).

-- Candidate keys of linkable statements: winnowed word shingles (near-duplicates), rare-word
-- anchors and normalized figure keys. `key` is a 64-bit hash with its kind mixed in. A key is
-- dropped from here (and listed in link_key_counts) when more statements than the cap carry it.
-- One B-tree only, so that adding an article touches few pages: no foreign key and no index on
-- `sentence`. The postings of a replaced article stay behind; a candidate is always read back
-- and verified, so a stale posting costs a lookup and never makes a link by itself.
CREATE TABLE link_keys (
  key      INTEGER NOT NULL,
  sentence INTEGER NOT NULL,             -- sentences.id when the posting was made
  PRIMARY KEY (key, sentence)
) STRICT, WITHOUT ROWID;

-- Keys over their frequency cap, never looked up again: common shingles, anchors and figures,
-- and the sentence hashes of boilerplate (too many copies, or an outlet's "About ..." block).
CREATE TABLE link_key_counts (
  key  INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('verbatim', 'boilerplate', 'shingle', 'anchor', 'figure')),
  n    INTEGER NOT NULL              -- statements that carried the key when it was capped
) STRICT;

-- Document frequency of the linker's canonical words (hashes): in how many stored articles each
-- occurs. Rare words are anchors and weigh more when statements are compared.
CREATE TABLE link_words (
  word INTEGER PRIMARY KEY,
  n    INTEGER NOT NULL
) STRICT;

-- Linker settings, read when a database is opened for writing (change them with UPDATE).
CREATE TABLE link_settings (
  name  TEXT PRIMARY KEY,
  value REAL NOT NULL
) STRICT;
INSERT INTO link_settings (name, value) VALUES
  ('window_days', 0),        -- link only articles published this many days apart; 0 = any
  ('max_shared', 50),        -- a sentence with more stored copies than this is boilerplate
  ('key_cap', 64),           -- statements per candidate key before the key is dropped
  ('max_candidates', 12),    -- candidates verified per statement
  ('min_votes', 2),          -- key votes a candidate needs (figure 3, shingle 2, anchor 1)
  ('near_threshold', 0.45),  -- similarity for a 'near' link
  ('figure_context', 6.0);   -- weight of shared context words a 'figure' link needs
