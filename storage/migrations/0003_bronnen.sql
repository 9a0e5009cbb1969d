-- 0003: research sources (bronnen) and what notes and texts take from them.

-- A research report (app.Bron), kept whole in its exchange form: it is
-- reference material that profiles point to, not edited in the program.
CREATE TABLE bronnen (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    titel    TEXT NOT NULL,
    data     TEXT NOT NULL
);

-- A review note's research, the words its rating rests on and where they
-- stand, whether the rating was read from those words, and how.
ALTER TABLE reviews ADD COLUMN bron_id    TEXT    NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN citaat     TEXT    NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN vindplaats TEXT    NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN uit_tekst  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reviews ADD COLUMN lezing     TEXT    NOT NULL DEFAULT '';

-- The research an element's text comes from, when it is not the bcp's own.
ALTER TABLE elements ADD COLUMN bron_id TEXT NOT NULL DEFAULT '';

-- Which revision of a bundled profile the library was offered, so that a
-- corrected bundled profile reaches libraries seeded before ('' = before
-- revisions were recorded).
ALTER TABLE seeded ADD COLUMN revision TEXT NOT NULL DEFAULT '';
