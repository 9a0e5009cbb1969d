-- 0004: competency models read from other tools' frameworks (CASE) are
-- hierarchies: an entry names its parent entry ('' at the top) and keeps
-- the framework's sort of item ('' for a plain competentie).
ALTER TABLE competenties ADD COLUMN parent TEXT NOT NULL DEFAULT '';
ALTER TABLE competenties ADD COLUMN soort  TEXT NOT NULL DEFAULT '';
