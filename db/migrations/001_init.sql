-- claimex schema version 1: articles and everything extracted from them, plus links.
-- Documented in db/SCHEMA.md. Spans are UTF-8 byte ranges [start_byte, end_byte) into
-- articles.body. Every child row goes when its article goes (ON DELETE CASCADE). Text columns
-- that may be unknown hold NULL, never ''.

CREATE TABLE articles (
  id           INTEGER PRIMARY KEY,
  ext_id       TEXT NOT NULL UNIQUE,     -- the article id from the input (file name, feed "id")
  title        TEXT,
  source       TEXT,
  url          TEXT,
  published    TEXT,                     -- 'YYYY-MM-DD'
  encoding     TEXT,                     -- encoding the input was decoded from ('UTF-8', ...)
  origin       TEXT,                     -- where it was read from ('feed.jsonl:7', 'dir/a.txt')
  bytes        INTEGER NOT NULL,         -- length(CAST(body AS BLOB))
  body         TEXT NOT NULL,            -- UTF-8, exactly as given
  content_hash TEXT NOT NULL,            -- 16 hex digits, hash of body and metadata
  anchor_date  TEXT,                     -- date relative times were resolved against
  ingest_seq   INTEGER NOT NULL UNIQUE,  -- ingest order (kept when the article is replaced)
  ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX articles_published ON articles(published);

CREATE TABLE sentences (
  id         INTEGER PRIMARY KEY,
  article    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,             -- 0-based position in the article
  start_byte INTEGER NOT NULL,
  end_byte   INTEGER NOT NULL,
  paragraph  INTEGER NOT NULL,             -- 0-based paragraph index
  text       TEXT NOT NULL,                -- the body's bytes at the span
  hash       INTEGER NOT NULL,             -- 64-bit hash of the normalized sentence (linking)
  UNIQUE (article, idx)
) STRICT;
CREATE INDEX sentences_hash ON sentences(hash);

CREATE TABLE times (
  id         INTEGER PRIMARY KEY,
  article    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  timex      TEXT,                         -- TIMEX3-style value: '2016', 'P3M', 'PRESENT_REF'
  from_date  TEXT,                         -- resolved start 'YYYY[-MM[-DD]]', NULL = open
  to_date    TEXT,                         -- resolved end, NULL = open
  kind       TEXT,                         -- 'date' 'range' 'since' 'until' 'duration' ...
  UNIQUE (article, idx)
) STRICT;

CREATE TABLE speakers (
  id      INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  name    TEXT NOT NULL,                   -- canonical full name
  role    TEXT,
  org     TEXT,
  UNIQUE (article, idx)
) STRICT;
CREATE INDEX speakers_name ON speakers(name);

CREATE TABLE speaker_aliases (
  speaker INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  alias   TEXT NOT NULL,                   -- 'Mr Khan', 'the Mayor'
  PRIMARY KEY (speaker, idx)
) STRICT, WITHOUT ROWID;
CREATE INDEX speaker_aliases_alias ON speaker_aliases(alias);

CREATE TABLE claims (
  id          INTEGER PRIMARY KEY,
  article     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  start_byte  INTEGER NOT NULL,
  end_byte    INTEGER NOT NULL,
  text        TEXT NOT NULL,               -- the figure as written: '£700 million'
  value       REAL,                        -- a single value; NULL for ranges
  low         REAL,                        -- range ends; NULL when open or not a range
  high        REAL,
  unit        TEXT NOT NULL,               -- ISO 4217 code, 'percent', 'percentage_point', ...
  noun        TEXT,                        -- counted noun for unit 'count'
  qualifier   TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'gt', 'ge', 'lt', 'le')),
  per_value   REAL,                        -- rate denominator: 'per 1,000 people' -> 1000
  per_noun    TEXT,                        --                                       -> 'people'
  change      TEXT CHECK (change IN ('up', 'down')),
  change_kind TEXT CHECK (change_kind IN ('by', 'to')),
  measured    TEXT,                        -- the measured thing, as text
  restates    INTEGER REFERENCES claims(id) ON DELETE SET NULL,
  sentence    INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
  time        INTEGER REFERENCES times(id) ON DELETE SET NULL,
  speaker     INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
  source      TEXT,                        -- named non-quote source ('ONS')
  rule        TEXT,                        -- the attribution rule that set speaker/source
  UNIQUE (article, idx)
) STRICT;
CREATE INDEX claims_sentence ON claims(sentence);
CREATE INDEX claims_time ON claims(time);
CREATE INDEX claims_speaker ON claims(speaker);
CREATE INDEX claims_restates ON claims(restates);
CREATE INDEX claims_unit_value ON claims(unit, value);

CREATE TABLE quotes (
  id         INTEGER PRIMARY KEY,
  article    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,             -- the quoted words, without the quote marks
  end_byte   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('direct', 'reported')),
  speaker    INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
  cue        TEXT,                         -- 'Mr Khan added', 'he said'
  rule       TEXT,                         -- the attribution rule
  UNIQUE (article, idx)
) STRICT;
CREATE INDEX quotes_speaker ON quotes(speaker);

-- Statements (sentences) of two different articles that repeat each other. Side a is the
-- earlier article (by published date, else ingest order).
CREATE TABLE links (
  id         INTEGER PRIMARY KEY,
  a_article  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  a_sentence INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  b_article  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  b_sentence INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('verbatim', 'near', 'figure', 'quote')),
  score      REAL NOT NULL,                -- 0..1, higher is surer
  UNIQUE (a_sentence, b_sentence, kind)
) STRICT;
CREATE INDEX links_b_sentence ON links(b_sentence);
CREATE INDEX links_a_article ON links(a_article);
CREATE INDEX links_b_article ON links(b_article);
