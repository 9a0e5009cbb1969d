package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"bcpeditor/app"
)

// ListProfiles returns a summary of every profile, ordered by beroep,
// version and title.
func (l *Library) ListProfiles(ctx context.Context) ([]app.ProfileSummary, error) {
	rows, err := l.db.QueryContext(ctx, `
		SELECT p.id, p.origin, p.created, p.title, p.beroep, p.owner, p.version_label, p.status, p.structure, p.modified,
		       COALESCE(SUM(e.kind = 'kerntaak'), 0), COALESCE(SUM(e.kind = 'werkproces'), 0),
		       COALESCE(SUM(e.kind = 'rol'), 0), COALESCE(SUM(e.kind = 'werkzaamheid'), 0)
		FROM profiles p LEFT JOIN elements e ON e.profile_id = p.id
		GROUP BY p.id
		ORDER BY p.beroep COLLATE NOCASE, p.version_label, p.title`)
	if err != nil {
		return nil, fmt.Errorf("profielen opvragen: %w", l.note(err))
	}
	defer rows.Close()
	var out []app.ProfileSummary
	for rows.Next() {
		var s app.ProfileSummary
		if err := rows.Scan(&s.ID, &s.Origin, &s.Created, &s.Title, &s.Beroep, &s.Owner, &s.VersionLabel, &s.Status, &s.Structure, &s.Modified,
			&s.Counts.Kerntaken, &s.Counts.Werkprocessen, &s.Counts.Rollen, &s.Counts.Werkzaamheden); err != nil {
			return nil, fmt.Errorf("profielen lezen: %w", l.note(err))
		}
		out = append(out, s)
	}
	return out, l.note(rows.Err())
}

// LoadProfile reads one whole profile.
func (l *Library) LoadProfile(ctx context.Context, id string) (*app.Profile, error) {
	var p *app.Profile
	err := l.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = loadProfile(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("profiel %s laden: %w", id, err)
	}
	return p, nil
}

// inReadTx gives a consistent snapshot for reads that span tables.
func (l *Library) inReadTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := l.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return l.note(err)
	}
	defer tx.Rollback()
	return l.note(f(tx))
}

func loadProfile(ctx context.Context, tx *sql.Tx, id string) (*app.Profile, error) {
	p := &app.Profile{}
	var history, colofon string
	err := tx.QueryRowContext(ctx, `
		SELECT id, origin, title, beroep, owner, version_label, status, structure, catalogue_id,
		       created, modified, status_history, colofon, meta_version
		FROM profiles WHERE id = ?`, id).Scan(&p.ID, &p.Origin, &p.Title, &p.Beroep, &p.Owner, &p.VersionLabel,
		&p.Status, &p.Structure, &p.CatalogueID, &p.Created, &p.Modified, &history, &colofon, &p.MetaVersion)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, app.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(history), &p.StatusHistory); err != nil {
		return nil, fmt.Errorf("statushistorie lezen: %w", err)
	}
	if err := json.Unmarshal([]byte(colofon), &p.Colofon); err != nil {
		return nil, fmt.Errorf("colofon lezen: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id, version
		FROM elements WHERE profile_id = ?`, id)
	if err != nil {
		return nil, err
	}
	var elems []app.Element
	p.Versions = map[string]int64{}
	for rows.Next() {
		var e app.Element
		var v int64
		if err := rows.Scan(&e.ID, &e.ParentID, &e.Kind, &e.Position, &e.Code, &e.Title, &e.Body, &e.Ref, &e.Source, &e.Origin, &e.BronID, &v); err != nil {
			rows.Close()
			return nil, err
		}
		elems = append(elems, e)
		p.Versions[e.ID] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := p.Assemble(elems); err != nil {
		return nil, err
	}
	rrows, err := tx.QueryContext(ctx, `
		SELECT id, element_id, kind, aansluiting, toelichting, source, date, bron_id, citaat, vindplaats, uit_tekst, lezing
		FROM reviews WHERE profile_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rrows.Close()
	for rrows.Next() {
		r := &app.Review{}
		if err := rrows.Scan(&r.ID, &r.ElementID, &r.Kind, &r.Aansluiting, &r.Toelichting, &r.Source, &r.Date,
			&r.BronID, &r.Citaat, &r.Vindplaats, &r.UitTekst, &r.Lezing); err != nil {
			return nil, err
		}
		p.Reviews = append(p.Reviews, r)
	}
	return p, rrows.Err()
}

// SaveProfile stores the whole profile in one transaction, replacing what
// was stored under its ID, and stamps it as modified now.
func (l *Library) SaveProfile(ctx context.Context, p *app.Profile) error {
	now := l.stamp()
	if p.Created == "" {
		p.Created = now
	}
	p.Modified = now
	if err := l.inTx(ctx, func(tx *sql.Tx) error { return writeProfile(ctx, tx, p) }); err != nil {
		return fmt.Errorf("profiel %q opslaan: %w", p.Title, err)
	}
	return nil
}

// writeProfile replaces the stored profile p inside tx.
func writeProfile(ctx context.Context, tx *sql.Tx, p *app.Profile) error {
	history, err := json.Marshal(nonNil(p.StatusHistory))
	if err != nil {
		return err
	}
	colofon, err := json.Marshal(nonNil(p.Colofon))
	if err != nil {
		return err
	}
	// A whole profile written anew gets a new version throughout: an
	// editor that saw it before meets a conflict instead of overwriting it.
	version := app.DrawVersion()
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO profiles (id, origin, title, beroep, owner, version_label, status, structure, catalogue_id,
		                      created, modified, status_history, colofon, meta_version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, title = excluded.title, beroep = excluded.beroep,
		  owner = excluded.owner, version_label = excluded.version_label, status = excluded.status,
		  structure = excluded.structure, catalogue_id = excluded.catalogue_id, created = excluded.created,
		  modified = excluded.modified, status_history = excluded.status_history, colofon = excluded.colofon,
		  meta_version = excluded.meta_version`,
		p.ID, p.Origin, p.Title, p.Beroep, p.Owner, p.VersionLabel, p.Status, p.Structure, p.CatalogueID,
		p.Created, p.Modified, string(history), string(colofon), version); err != nil {
		return err
	}
	for _, table := range []string{"elements", "reviews"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE profile_id = ?", p.ID); err != nil {
			return err
		}
	}
	ins, err := tx.PrepareContext(ctx, `
		INSERT INTO elements (id, profile_id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	versions := map[string]int64{}
	for _, e := range p.Elements() {
		versions[e.ID] = version
		if _, err := ins.ExecContext(ctx, e.ID, p.ID, e.ParentID, e.Kind, e.Position, e.Code, e.Title, e.Body, e.Ref, e.Source, e.Origin, e.BronID, version); err != nil {
			if isConstraint(err) {
				return fmt.Errorf("onderdeel %s staat al in een ander profiel: %w", e.ID, app.ErrExists)
			}
			return err
		}
	}
	rins, err := tx.PrepareContext(ctx, `
		INSERT INTO reviews (id, profile_id, element_id, position, kind, aansluiting, toelichting, source, date,
		                     bron_id, citaat, vindplaats, uit_tekst, lezing)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer rins.Close()
	for i, r := range p.Reviews {
		if _, err := rins.ExecContext(ctx, r.ID, p.ID, r.ElementID, i, r.Kind, r.Aansluiting, r.Toelichting, r.Source, r.Date,
			r.BronID, r.Citaat, r.Vindplaats, r.UitTekst, r.Lezing); err != nil {
			if isConstraint(err) {
				return fmt.Errorf("beoordeling %s staat al in een ander profiel: %w", r.ID, app.ErrExists)
			}
			return err
		}
	}
	p.Versions, p.MetaVersion = versions, version
	return nil
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// DeleteProfile removes a profile with its elements and reviews.
func (l *Library) DeleteProfile(ctx context.Context, id string) error {
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM profiles WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return app.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("profiel %s verwijderen: %w", id, err)
	}
	return nil
}

// SaveChange stores one edit in one transaction: the profile's own fields
// when meta is given, the elements to insert or update, the elements to
// delete, the reviews, and the profile's modified stamp. A checked change
// (app.ChangeSet.Version) that someone else overtook is refused whole with
// an *app.ConflictError.
func (l *Library) SaveChange(ctx context.Context, profileID string, c app.ChangeSet) error {
	version := c.Version
	if !c.Checked() {
		version = app.DrawVersion()
	}
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE profiles SET modified = ? WHERE id = ?", l.stamp(), profileID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return app.ErrNotFound
		}
		if err := checkChange(ctx, tx, profileID, c); err != nil {
			return err
		}
		if err := writeChangeMeta(ctx, tx, profileID, c.Meta, version); err != nil {
			return err
		}
		for _, e := range c.Upserts {
			if err := upsertElement(ctx, tx, profileID, e, version); err != nil {
				return err
			}
		}
		for _, id := range c.Deletes {
			if _, err := tx.ExecContext(ctx, "DELETE FROM elements WHERE id = ? AND profile_id = ?", id, profileID); err != nil {
				return err
			}
		}
		return writeChangeReviews(ctx, tx, profileID, c)
	})
	var ce *app.ConflictError
	if errors.As(err, &ce) {
		return ce
	}
	if err != nil {
		return fmt.Errorf("wijziging opslaan: %w", err)
	}
	return nil
}

// checkChange reads what the change touches as stored now and compares it
// with what the editor saw.
func checkChange(ctx context.Context, tx *sql.Tx, profileID string, c app.ChangeSet) error {
	if !c.Checked() {
		return nil
	}
	ids, deleted := c.CheckIDs()
	args := []any{profileID}
	for _, id := range ids {
		args = append(args, id)
	}
	for _, id := range deleted {
		args = append(args, id)
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id, version
		FROM elements WHERE profile_id = ? AND (id IN (`+placeholders(len(ids))+`) OR parent_id IN (`+placeholders(len(deleted))+`))`, args...)
	if err != nil {
		return err
	}
	var stored []app.StoredElement
	for rows.Next() {
		var e app.StoredElement
		if err := rows.Scan(&e.ID, &e.ParentID, &e.Kind, &e.Position, &e.Code, &e.Title, &e.Body, &e.Ref, &e.Source, &e.Origin, &e.BronID, &e.Version); err != nil {
			rows.Close()
			return err
		}
		stored = append(stored, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var meta app.ProfileMeta
	var metaVersion int64
	if c.Meta != nil {
		if meta, metaVersion, err = storedMeta(ctx, tx, profileID); err != nil {
			return err
		}
	}
	return c.Check(profileID, stored, meta, metaVersion)
}

// placeholders is "?, ?, ?" for n values ("NULL" for none, which matches
// nothing).
func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// storedMeta reads a profile's own fields and their version.
func storedMeta(ctx context.Context, tx *sql.Tx, profileID string) (app.ProfileMeta, int64, error) {
	var m app.ProfileMeta
	var history, colofon string
	var v int64
	err := tx.QueryRowContext(ctx, `SELECT title, beroep, owner, version_label, status, status_history, colofon, meta_version
		FROM profiles WHERE id = ?`, profileID).Scan(&m.Title, &m.Beroep, &m.Owner, &m.VersionLabel, &m.Status, &history, &colofon, &v)
	if err != nil {
		return m, 0, err
	}
	if err := json.Unmarshal([]byte(history), &m.StatusHistory); err != nil {
		return m, 0, fmt.Errorf("statushistorie lezen: %w", err)
	}
	if err := json.Unmarshal([]byte(colofon), &m.Colofon); err != nil {
		return m, 0, fmt.Errorf("colofon lezen: %w", err)
	}
	return m, v, nil
}

// writeChangeMeta stores the profile's own fields of a change.
func writeChangeMeta(ctx context.Context, tx *sql.Tx, profileID string, meta *app.ProfileMeta, version int64) error {
	if meta == nil {
		return nil
	}
	history, err := json.Marshal(nonNil(meta.StatusHistory))
	if err != nil {
		return err
	}
	colofon, err := json.Marshal(nonNil(meta.Colofon))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE profiles SET title = ?, beroep = ?, owner = ?, version_label = ?,
		status = ?, status_history = ?, colofon = ?, meta_version = ? WHERE id = ?`, meta.Title, meta.Beroep, meta.Owner,
		meta.VersionLabel, meta.Status, string(history), string(colofon), version, profileID)
	return err
}

// writeChangeReviews stores the reviews of a change.
func writeChangeReviews(ctx context.Context, tx *sql.Tx, profileID string, c app.ChangeSet) error {
	for _, r := range c.ReviewUpserts {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO reviews (id, profile_id, element_id, position, kind, aansluiting, toelichting, source, date,
			                     bron_id, citaat, vindplaats, uit_tekst, lezing)
			VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM reviews WHERE profile_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET element_id = excluded.element_id, kind = excluded.kind,
			  aansluiting = excluded.aansluiting, toelichting = excluded.toelichting, source = excluded.source, date = excluded.date,
			  bron_id = excluded.bron_id, citaat = excluded.citaat, vindplaats = excluded.vindplaats,
			  uit_tekst = excluded.uit_tekst, lezing = excluded.lezing
			WHERE reviews.profile_id = excluded.profile_id`,
			r.ID, profileID, r.ElementID, profileID, r.Kind, r.Aansluiting, r.Toelichting, r.Source, r.Date,
			r.BronID, r.Citaat, r.Vindplaats, r.UitTekst, r.Lezing)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("beoordeling %s hoort bij een ander profiel: %w", r.ID, app.ErrExists)
		}
	}
	for _, id := range c.ReviewDeletes {
		if _, err := tx.ExecContext(ctx, "DELETE FROM reviews WHERE id = ? AND profile_id = ?", id, profileID); err != nil {
			return err
		}
	}
	return nil
}

func upsertElement(ctx context.Context, tx *sql.Tx, profileID string, e app.Element, version int64) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO elements (id, profile_id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, kind = excluded.kind,
		  position = excluded.position, code = excluded.code, title = excluded.title, body = excluded.body,
		  ref = excluded.ref, source = excluded.source, origin = excluded.origin, bron_id = excluded.bron_id,
		  version = excluded.version
		WHERE elements.profile_id = excluded.profile_id`,
		e.ID, profileID, e.ParentID, e.Kind, e.Position, e.Code, e.Title, e.Body, e.Ref, e.Source, e.Origin, e.BronID, version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("onderdeel %s hoort bij een ander profiel: %w", e.ID, app.ErrExists)
	}
	return nil
}
