-- 0006: editing together. Every element and a profile's own fields carry
-- the version the last change stamped on them (app.DrawVersion); an editor
-- sends back the versions it saw, so that a change someone else made
-- meanwhile is never overwritten silently. 0 is the version of everything
-- stored before versions were kept.
ALTER TABLE elements ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE profiles ADD COLUMN meta_version INTEGER NOT NULL DEFAULT 0;
