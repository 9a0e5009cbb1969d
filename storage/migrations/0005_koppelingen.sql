-- 0005: the designer's verdicts on the links of a crosswalk (a link made by
-- hand, a suggestion confirmed, a link rejected), replacing the one-to-one
-- manual_pairs. old_id '' or new_id '' stands for "any": a rejection of
-- (old, '') says the old element has no counterpart (vervallen), one of
-- ('', new) that the new element is really new.
CREATE TABLE koppelingen (
    old_profile TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    new_profile TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    old_id      TEXT NOT NULL,
    new_id      TEXT NOT NULL,
    besluit     TEXT NOT NULL CHECK (besluit IN ('hand', 'bevestigd', 'afgewezen')),
    CHECK (old_id <> '' OR new_id <> ''),
    CHECK (besluit = 'afgewezen' OR (old_id <> '' AND new_id <> '')),
    PRIMARY KEY (old_profile, new_profile, old_id, new_id)
);

-- A pair made by hand stays a link made by hand; "never pair old_id"
-- becomes the rejection of every link of old_id.
INSERT INTO koppelingen (old_profile, new_profile, old_id, new_id, besluit)
SELECT old_profile, new_profile, old_id, new_id, CASE WHEN new_id = '' THEN 'afgewezen' ELSE 'hand' END
FROM manual_pairs;

DROP TABLE manual_pairs;
