package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

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
		       created, modified, status_history, colofon
		FROM profiles WHERE id = ?`, id).Scan(&p.ID, &p.Origin, &p.Title, &p.Beroep, &p.Owner, &p.VersionLabel,
		&p.Status, &p.Structure, &p.CatalogueID, &p.Created, &p.Modified, &history, &colofon)
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
		SELECT id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id
		FROM elements WHERE profile_id = ?`, id)
	if err != nil {
		return nil, err
	}
	var elems []app.Element
	for rows.Next() {
		var e app.Element
		if err := rows.Scan(&e.ID, &e.ParentID, &e.Kind, &e.Position, &e.Code, &e.Title, &e.Body, &e.Ref, &e.Source, &e.Origin, &e.BronID); err != nil {
			rows.Close()
			return nil, err
		}
		elems = append(elems, e)
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
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO profiles (id, origin, title, beroep, owner, version_label, status, structure, catalogue_id,
		                      created, modified, status_history, colofon)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, title = excluded.title, beroep = excluded.beroep,
		  owner = excluded.owner, version_label = excluded.version_label, status = excluded.status,
		  structure = excluded.structure, catalogue_id = excluded.catalogue_id, created = excluded.created,
		  modified = excluded.modified, status_history = excluded.status_history, colofon = excluded.colofon`,
		p.ID, p.Origin, p.Title, p.Beroep, p.Owner, p.VersionLabel, p.Status, p.Structure, p.CatalogueID,
		p.Created, p.Modified, string(history), string(colofon)); err != nil {
		return err
	}
	for _, table := range []string{"elements", "reviews"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE profile_id = ?", p.ID); err != nil {
			return err
		}
	}
	ins, err := tx.PrepareContext(ctx, `
		INSERT INTO elements (id, profile_id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, e := range p.Elements() {
		if _, err := ins.ExecContext(ctx, e.ID, p.ID, e.ParentID, e.Kind, e.Position, e.Code, e.Title, e.Body, e.Ref, e.Source, e.Origin, e.BronID); err != nil {
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
// delete, and the profile's modified stamp.
func (l *Library) SaveChange(ctx context.Context, profileID string, c app.ChangeSet) error {
	meta, upserts, deletes := c.Meta, c.Upserts, c.Deletes
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE profiles SET modified = ? WHERE id = ?", l.stamp(), profileID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return app.ErrNotFound
		}
		if meta != nil {
			history, err := json.Marshal(nonNil(meta.StatusHistory))
			if err != nil {
				return err
			}
			colofon, err := json.Marshal(nonNil(meta.Colofon))
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE profiles SET title = ?, beroep = ?, owner = ?, version_label = ?,
				status = ?, status_history = ?, colofon = ? WHERE id = ?`, meta.Title, meta.Beroep, meta.Owner,
				meta.VersionLabel, meta.Status, string(history), string(colofon), profileID); err != nil {
				return err
			}
		}
		for _, e := range upserts {
			if err := upsertElement(ctx, tx, profileID, e); err != nil {
				return err
			}
		}
		for _, id := range deletes {
			if _, err := tx.ExecContext(ctx, "DELETE FROM elements WHERE id = ? AND profile_id = ?", id, profileID); err != nil {
				return err
			}
		}
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
	})
	if err != nil {
		return fmt.Errorf("wijziging opslaan: %w", err)
	}
	return nil
}

func upsertElement(ctx context.Context, tx *sql.Tx, profileID string, e app.Element) error {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO elements (id, profile_id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, kind = excluded.kind,
		  position = excluded.position, code = excluded.code, title = excluded.title, body = excluded.body,
		  ref = excluded.ref, source = excluded.source, origin = excluded.origin, bron_id = excluded.bron_id
		WHERE elements.profile_id = excluded.profile_id`,
		e.ID, profileID, e.ParentID, e.Kind, e.Position, e.Code, e.Title, e.Body, e.Ref, e.Source, e.Origin, e.BronID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("onderdeel %s hoort bij een ander profiel: %w", e.ID, app.ErrExists)
	}
	return nil
}
