-- 008: 'figure' and 'near' links need their statements to share a rare word (db/link_match.h):
-- one that at most rare_share of the stored articles have (or 25; from 1,000 stored articles on),
-- unless six or more context words are shared. Common words alone ("Proceeds will be used to
-- reduce debt", "Shr loss nine cts") tie a statement to no story.
-- Links already stored are kept; new links follow the rule. (The same version reads number words
-- as digits in link tokens, "three" = "3": statements stored before keep their tokens, so an old
-- "three" and a new "3" do not match.)
INSERT OR IGNORE INTO link_settings (name, value) VALUES ('rare_share', 0.005);
