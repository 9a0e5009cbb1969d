-- 0001: the team library on PostgreSQL: the same tables as the SQLite
-- library (its migrations 0001–0005 in one), with who is at work where.
CREATE TABLE catalogues (
    id       text PRIMARY KEY,
    name     text NOT NULL,
    position integer NOT NULL DEFAULT 0
);

CREATE TABLE competenties (
    id           text PRIMARY KEY,
    catalogue_id text NOT NULL REFERENCES catalogues(id) ON DELETE CASCADE,
    position     integer NOT NULL,
    code         text NOT NULL DEFAULT '',
    name         text NOT NULL,
    beschrijving text NOT NULL DEFAULT '',
    parent       text NOT NULL DEFAULT '',
    soort        text NOT NULL DEFAULT ''
);
CREATE INDEX competenties_catalogue ON competenties(catalogue_id, position);

CREATE TABLE profiles (
    id             text PRIMARY KEY,
    origin         text NOT NULL DEFAULT '',
    title          text NOT NULL,
    beroep         text NOT NULL DEFAULT '',
    owner          text NOT NULL DEFAULT '',
    version_label  text NOT NULL DEFAULT '',
    status         text NOT NULL,
    structure      text NOT NULL,
    catalogue_id   text NOT NULL DEFAULT '',
    created        text NOT NULL DEFAULT '',
    modified       text NOT NULL DEFAULT '',
    status_history text NOT NULL DEFAULT '[]', -- JSON array of StatusEvent
    colofon        text NOT NULL DEFAULT '[]', -- JSON array of ColofonEntry
    meta_version   bigint NOT NULL DEFAULT 0   -- version of the fields above
);

-- Every element of a profile's tree, in flat form (app.Element), with the
-- version the last change stamped on it.
CREATE TABLE elements (
    id         text PRIMARY KEY,
    profile_id text NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    parent_id  text NOT NULL DEFAULT '',
    kind       text NOT NULL,
    position   integer NOT NULL,
    code       text NOT NULL DEFAULT '',
    title      text NOT NULL DEFAULT '',
    body       text NOT NULL DEFAULT '',
    ref        text NOT NULL DEFAULT '',
    source     text NOT NULL DEFAULT '',
    origin     text NOT NULL DEFAULT '',
    bron_id    text NOT NULL DEFAULT '',
    version    bigint NOT NULL DEFAULT 0
);
CREATE INDEX elements_profile ON elements(profile_id, parent_id);

CREATE TABLE reviews (
    id          text PRIMARY KEY,
    profile_id  text NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    element_id  text NOT NULL,
    position    integer NOT NULL,
    kind        text NOT NULL,
    aansluiting text NOT NULL,
    toelichting text NOT NULL DEFAULT '',
    source      text NOT NULL DEFAULT '',
    date        text NOT NULL DEFAULT '',
    bron_id     text NOT NULL DEFAULT '',
    citaat      text NOT NULL DEFAULT '',
    vindplaats  text NOT NULL DEFAULT '',
    uit_tekst   boolean NOT NULL DEFAULT false,
    lezing      text NOT NULL DEFAULT ''
);
CREATE INDEX reviews_profile ON reviews(profile_id, position);

CREATE TABLE bronnen (
    id       text PRIMARY KEY,
    position integer NOT NULL DEFAULT 0,
    titel    text NOT NULL,
    data     text NOT NULL
);

CREATE TABLE seeded (
    profile_id text PRIMARY KEY,
    seeded_at  text NOT NULL,
    revision   text NOT NULL DEFAULT ''
);

CREATE TABLE competentie_mapping (
    from_id text NOT NULL REFERENCES competenties(id) ON DELETE CASCADE,
    to_id   text NOT NULL REFERENCES competenties(id) ON DELETE CASCADE,
    PRIMARY KEY (from_id, to_id)
);

-- The designer's verdicts on the links of a crosswalk; '' on one side is
-- "any" (a rejection of (old, '') marks the old element vervallen).
CREATE TABLE koppelingen (
    old_profile text NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    new_profile text NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    old_id      text NOT NULL,
    new_id      text NOT NULL,
    besluit     text NOT NULL CHECK (besluit IN ('hand', 'bevestigd', 'afgewezen')),
    CHECK (old_id <> '' OR new_id <> ''),
    CHECK (besluit = 'afgewezen' OR (old_id <> '' AND new_id <> '')),
    PRIMARY KEY (old_profile, new_profile, old_id, new_id)
);

CREATE TABLE seeded_mappings (
    from_catalogue text NOT NULL,
    to_catalogue   text NOT NULL,
    PRIMARY KEY (from_catalogue, to_catalogue)
);

CREATE TABLE snapshots (
    seq        bigserial,
    id         text PRIMARY KEY,
    profile_id text NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    label      text NOT NULL,
    created    text NOT NULL,
    data       text NOT NULL
);
CREATE INDEX snapshots_profile ON snapshots(profile_id, created, seq);

-- Who has which profile open: one row per open window, kept alive by a
-- heartbeat; a row not seen for a while is gone.
CREATE TABLE presence (
    session_id text PRIMARY KEY,
    who        text NOT NULL,
    profile_id text NOT NULL DEFAULT '',
    seen       timestamptz NOT NULL DEFAULT now()
);
