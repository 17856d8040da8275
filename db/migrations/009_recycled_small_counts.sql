-- 009: recycled_figures leaves out small counts (a count under 10 that is no rate: "two
-- versions", "one of my top priorities", "four pillars"), which hundreds of unrelated
-- statements share; `claimex figures --recycled` leaves them out too (db/link_figures.h:
-- SmallCount). Otherwise the view is as 002 made it.
DROP VIEW recycled_figures;
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
    AND NOT (c.unit = 'count' AND c.per_value IS NULL AND abs(c.value) < 10)
), g AS (
  SELECT value, unit, noun_key, count(DISTINCT article_id) AS articles, count(*) AS statements,
         max(date) AS last_date
  FROM f GROUP BY value, unit, noun_key HAVING count(DISTINCT article_id) >= 2
)
SELECT g.value, g.unit, f.noun, g.noun_key, g.articles, g.statements,
       f.ext_id AS first_article, f.date AS first_seen, g.last_date AS last_seen,
       f.text AS first_text, f.said_by AS first_said_by, f.sentence AS first_sentence
FROM g JOIN f ON f.value = g.value AND f.unit = g.unit AND f.noun_key = g.noun_key AND f.rn = 1;
