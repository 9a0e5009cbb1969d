-- 0001: the profile library.
CREATE TABLE catalogues (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE competenties (
    id           TEXT PRIMARY KEY,
    catalogue_id TEXT NOT NULL REFERENCES catalogues(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    code         TEXT NOT NULL DEFAULT '',
    name         TEXT NOT NULL,
    beschrijving TEXT NOT NULL DEFAULT ''
);
CREATE INDEX competenties_catalogue ON competenties(catalogue_id, position);

CREATE TABLE profiles (
    id             TEXT PRIMARY KEY,
    origin         TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL,
    beroep         TEXT NOT NULL DEFAULT '',
    owner          TEXT NOT NULL DEFAULT '',
    version_label  TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    structure      TEXT NOT NULL,
    catalogue_id   TEXT NOT NULL DEFAULT '',
    created        TEXT NOT NULL DEFAULT '',
    modified       TEXT NOT NULL DEFAULT '',
    status_history TEXT NOT NULL DEFAULT '[]', -- JSON array of StatusEvent
    colofon        TEXT NOT NULL DEFAULT '[]'  -- JSON array of ColofonEntry
);

-- Every element of a profile's tree, in flat form (app.Element).
CREATE TABLE elements (
    id         TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    parent_id  TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    code       TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    ref        TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    origin     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX elements_profile ON elements(profile_id);

-- Review annotations: aansluiting, toelichting and source, several per element.
CREATE TABLE reviews (
    id          TEXT PRIMARY KEY,
    profile_id  TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    element_id  TEXT NOT NULL,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    aansluiting TEXT NOT NULL,
    toelichting TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reviews_profile ON reviews(profile_id, position);

-- Bundled profiles that were offered to this library once; a profile the
-- user deleted is not brought back.
CREATE TABLE seeded (
    profile_id TEXT PRIMARY KEY,
    seeded_at  TEXT NOT NULL
);
