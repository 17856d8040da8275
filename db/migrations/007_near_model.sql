-- 007: 'near' links come from a fitted model (db/link_match.h: NearModel,
-- patterns/link_near_model.txt) and near_threshold is now the probability a near link needs.
-- A database still on the old similarity default (0.45) moves to the model's default (0.65);
-- a value someone chose is kept.
UPDATE link_settings SET value = 0.65 WHERE name = 'near_threshold' AND value = 0.45;
