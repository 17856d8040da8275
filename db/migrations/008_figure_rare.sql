-- 008: a 'figure' link needs one rare shared context word (db/link_match.h): one that at most
-- figure_rare of the stored articles have (or 3; from 1,000 stored articles on), unless six or more
-- context words are shared.
-- Links already stored are kept; new links follow the rule.
INSERT OR IGNORE INTO link_settings (name, value) VALUES ('figure_rare', 0.005);
