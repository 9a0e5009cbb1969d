-- 0002: what comparisons and version history remember.

-- The mapping between two competency models: a competentie of the old
-- model lines up with one or more of the new model.
CREATE TABLE competentie_mapping (
    from_id TEXT NOT NULL REFERENCES competenties(id) ON DELETE CASCADE,
    to_id   TEXT NOT NULL REFERENCES competenties(id) ON DELETE CASCADE,
    PRIMARY KEY (from_id, to_id)
);

-- Pairs the designer made or broke by hand in a comparison of two profiles;
-- new_id '' means "never pair old_id".
CREATE TABLE manual_pairs (
    old_profile TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    new_profile TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    old_id      TEXT NOT NULL,
    new_id      TEXT NOT NULL,
    PRIMARY KEY (old_profile, new_profile, old_id)
);

-- Bundled mappings offered once, so a user's edits are never overwritten.
CREATE TABLE seeded_mappings (
    from_catalogue TEXT NOT NULL,
    to_catalogue   TEXT NOT NULL,
    PRIMARY KEY (from_catalogue, to_catalogue)
);

-- Named snapshots of a profile ("Versie vastleggen"): the whole profile as
-- an exchange file, frozen.
CREATE TABLE snapshots (
    id         TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    label      TEXT NOT NULL,
    created    TEXT NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX snapshots_profile ON snapshots(profile_id, created);
