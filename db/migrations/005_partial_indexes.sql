-- claimex schema version 5: faster ingest (db/SCHEMA.md, "Indexes"). The indexes on claims and
-- quotes columns that are mostly NULL — a claim's time span, restated claim and speaker, a
-- quote's speaker — hold only the rows that have one. A lookup by value (`c.speaker = sp.id`,
-- and the foreign-key actions when a time, claim or speaker row is deleted) uses them as
-- before; an article's figures without a speaker no longer cost an index entry each.
DROP INDEX claims_time;
DROP INDEX claims_speaker;
DROP INDEX claims_restates;
DROP INDEX quotes_speaker;
CREATE INDEX claims_time ON claims(time) WHERE time IS NOT NULL;
CREATE INDEX claims_speaker ON claims(speaker) WHERE speaker IS NOT NULL;
CREATE INDEX claims_restates ON claims(restates) WHERE restates IS NOT NULL;
CREATE INDEX quotes_speaker ON quotes(speaker) WHERE speaker IS NOT NULL;
