-- claimex schema version 6: postings in two levels (db/SCHEMA.md, link_keys). New postings go to
-- the small link_keys_recent, whose pages stay in the cache; when it holds enough rows they are
-- merged into link_keys in key order, which writes each page of the big B-tree once per merge
-- instead of once per batch (a batch's random keys dirtied most of its pages). A key's postings
-- are those of both tables.
CREATE TABLE link_keys_recent (
  key      INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  PRIMARY KEY (key, sentence)
) STRICT, WITHOUT ROWID;
