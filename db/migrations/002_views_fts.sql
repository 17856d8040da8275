-- claimex schema version 2: views for the common questions and full-text search over sentences.
-- Documented in db/SCHEMA.md ("Views" and "Full-text search"). Views hold no data: they are
-- saved queries over the tables of 001_init.sql, so they are always up to date.
-- An article's `date` in the views is its published date, else the date its text gives
-- (anchor_date, from a dateline); NULL when neither is known.

-- Every figure (claim) with its article, sentence, speaker or source and time span, flattened.
-- figure_key groups statements of the same figure: value, unit and counted noun (lower-cased).
CREATE VIEW figures AS
SELECT c.id AS claim_id,
       a.ext_id AS article, a.title, a.source AS outlet,
       coalesce(a.published, a.anchor_date) AS date,
       c.text, c.value, c.low, c.high, c.unit, c.noun, c.qualifier,
       c.per_value, c.per_noun, c.change, c.change_kind, c.measured,
       sp.name AS speaker, sp.role AS speaker_role, c.source,
       coalesce(sp.name, c.source) AS said_by,
       t.text AS time_text, t.timex, t.from_date, t.to_date, t.kind AS time_kind,
       s.text AS sentence,
       c.start_byte, c.end_byte, c.restates,
       lower(coalesce(c.noun, '')) AS noun_key,
       a.id AS article_id, c.sentence AS sentence_id, c.speaker AS speaker_id, a.ingest_seq
FROM claims c
JOIN articles a ON a.id = c.article
LEFT JOIN sentences s ON s.id = c.sentence
LEFT JOIN speakers sp ON sp.id = c.speaker
LEFT JOIN times t ON t.id = c.time;

-- Who said what: one row per quote and per figure attributed to a person (via = 'speaker') or
-- to a named source such as an office or a report (via = 'source').
CREATE VIEW who_said_what AS
SELECT sp.name AS speaker, sp.role, sp.org, 'speaker' AS via, 'quote' AS kind, q.kind AS detail,
       q.text, NULL AS value, NULL AS unit, s.text AS sentence,
       a.ext_id AS article, a.title, coalesce(a.published, a.anchor_date) AS date,
       q.start_byte, q.end_byte,
       a.id AS article_id, sp.id AS speaker_id, a.ingest_seq
FROM quotes q
JOIN speakers sp ON sp.id = q.speaker
JOIN articles a ON a.id = q.article
LEFT JOIN sentences s ON s.article = q.article AND q.start_byte >= s.start_byte
                     AND q.start_byte < s.end_byte
UNION ALL
SELECT coalesce(sp.name, c.source), sp.role, sp.org, CASE WHEN sp.id IS NULL THEN 'source'
       ELSE 'speaker' END, 'figure', c.unit, c.text, c.value, c.unit, s.text,
       a.ext_id, a.title, coalesce(a.published, a.anchor_date), c.start_byte, c.end_byte,
       a.id, sp.id, a.ingest_seq
FROM claims c
JOIN articles a ON a.id = c.article
LEFT JOIN speakers sp ON sp.id = c.speaker
LEFT JOIN sentences s ON s.id = c.sentence
WHERE c.speaker IS NOT NULL OR c.source IS NOT NULL;

-- Figures stated in two or more articles: the same value, unit and counted noun (a restatement
-- in parentheses, "£5m (€6m)", is not counted twice). first_* is the earliest statement (by
-- date, undated articles last, then ingest order); last_seen is the latest date.
CREATE VIEW recycled_figures AS
WITH f AS (
  SELECT c.value, c.unit, lower(coalesce(c.noun, '')) AS noun_key, c.noun, c.text,
         a.id AS article_id, a.ext_id, coalesce(a.published, a.anchor_date) AS date,
         coalesce(sp.name, c.source) AS said_by,
         s.text AS sentence,
         row_number() OVER (PARTITION BY c.value, c.unit, lower(coalesce(c.noun, ''))
                            ORDER BY coalesce(a.published, a.anchor_date, '9999'), a.ingest_seq,
                                     c.idx) AS rn
  FROM claims c
  JOIN articles a ON a.id = c.article
  LEFT JOIN speakers sp ON sp.id = c.speaker
  LEFT JOIN sentences s ON s.id = c.sentence
  WHERE c.value IS NOT NULL AND c.restates IS NULL
), g AS (
  SELECT value, unit, noun_key, count(DISTINCT article_id) AS articles, count(*) AS statements,
         max(date) AS last_date
  FROM f GROUP BY value, unit, noun_key HAVING count(DISTINCT article_id) >= 2
)
SELECT g.value, g.unit, f.noun, g.noun_key, g.articles, g.statements,
       f.ext_id AS first_article, f.date AS first_seen, g.last_date AS last_seen,
       f.text AS first_text, f.said_by AS first_said_by, f.sentence AS first_sentence
FROM g JOIN f ON f.value = g.value AND f.unit = g.unit AND f.noun_key = g.noun_key AND f.rn = 1;

-- Figures by unit: how many, in how many articles, their range of values.
CREATE VIEW figures_by_unit AS
SELECT unit, count(*) AS figures, count(DISTINCT article) AS articles,
       min(value) AS min_value, max(value) AS max_value
FROM claims GROUP BY unit;

-- Figures by the time span they are about: the year their time expression starts in ('2016'
-- for "since 2016"), NULL when the figure has no resolved time.
CREATE VIEW figures_by_period AS
SELECT substr(t.from_date, 1, 4) AS year, c.unit, count(*) AS figures,
       count(DISTINCT c.article) AS articles
FROM claims c LEFT JOIN times t ON t.id = c.time
GROUP BY 1, 2;

-- Full-text search over sentences (FTS5, an external-content index: the text stays in
-- `sentences`, the index holds only tokens). Porter stemming over unicode61 with diacritics
-- removed: "cuts" finds "cut", "cafe" finds "café". Kept in sync by the triggers below.
--   SELECT s.* FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
--   WHERE sentences_fts MATCH 'knife AND crime' ORDER BY rank;
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content = 'sentences', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2');

CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE OF text ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

-- Indexes the sentences already stored (a database migrated from version 1).
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');

