package pg

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"bcpeditor/app"

	"github.com/jackc/pgx/v5"
)

// ListProfiles returns a summary of every profile, ordered by beroep,
// version and title.
func (l *Library) ListProfiles(ctx context.Context) ([]app.ProfileSummary, error) {
	var out []app.ProfileSummary
	err := l.inReadTx(ctx, func(tx pgx.Tx) error {
		var err error
		out, err = listProfiles(ctx, tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("profielen opvragen: %w", err)
	}
	return out, nil
}

func listProfiles(ctx context.Context, tx pgx.Tx) ([]app.ProfileSummary, error) {
	rows, err := tx.Query(ctx, `
		SELECT p.id, p.origin, p.created, p.title, p.beroep, p.owner, p.version_label, p.status, p.structure, p.modified,
		       count(*) FILTER (WHERE e.kind = 'kerntaak'), count(*) FILTER (WHERE e.kind = 'werkproces'),
		       count(*) FILTER (WHERE e.kind = 'rol'), count(*) FILTER (WHERE e.kind = 'werkzaamheid')
		FROM profiles p LEFT JOIN elements e ON e.profile_id = p.id
		GROUP BY p.id
		ORDER BY lower(p.beroep) COLLATE "C", p.version_label COLLATE "C", p.title COLLATE "C"`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.ProfileSummary
	for rows.Next() {
		var s app.ProfileSummary
		if err := rows.Scan(&s.ID, &s.Origin, &s.Created, &s.Title, &s.Beroep, &s.Owner, &s.VersionLabel, &s.Status, &s.Structure, &s.Modified,
			&s.Counts.Kerntaken, &s.Counts.Werkprocessen, &s.Counts.Rollen, &s.Counts.Werkzaamheden); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// LoadProfile reads one whole profile with the versions of its elements.
func (l *Library) LoadProfile(ctx context.Context, id string) (*app.Profile, error) {
	var p *app.Profile
	err := l.inReadTx(ctx, func(tx pgx.Tx) error {
		var err error
		p, err = loadProfile(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("profiel %s laden: %w", id, err)
	}
	return p, nil
}

const elementColumns = "id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id, version"

func scanElement(row pgx.Row) (app.StoredElement, error) {
	var e app.StoredElement
	err := row.Scan(&e.ID, &e.ParentID, &e.Kind, &e.Position, &e.Code, &e.Title, &e.Body, &e.Ref, &e.Source, &e.Origin, &e.BronID, &e.Version)
	return e, err
}

func loadProfile(ctx context.Context, tx pgx.Tx, id string) (*app.Profile, error) {
	p := &app.Profile{ID: id}
	var history, colofon string
	err := tx.QueryRow(ctx, `
		SELECT origin, title, beroep, owner, version_label, status, structure, catalogue_id,
		       created, modified, status_history, colofon, meta_version
		FROM profiles WHERE id = $1`, id).Scan(&p.Origin, &p.Title, &p.Beroep, &p.Owner, &p.VersionLabel,
		&p.Status, &p.Structure, &p.CatalogueID, &p.Created, &p.Modified, &history, &colofon, &p.MetaVersion)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, app.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if err := unmarshalMeta(history, colofon, &p.StatusHistory, &p.Colofon); err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, "SELECT "+elementColumns+" FROM elements WHERE profile_id = $1", id)
	if err != nil {
		return nil, err
	}
	stored, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (app.StoredElement, error) { return scanElement(r) })
	if err != nil {
		return nil, err
	}
	elems := make([]app.Element, len(stored))
	p.Versions = make(map[string]int64, len(stored))
	for i, e := range stored {
		elems[i] = e.Element
		p.Versions[e.ID] = e.Version
	}
	if err := p.Assemble(elems); err != nil {
		return nil, err
	}
	p.Reviews, err = loadReviews(ctx, tx, id)
	return p, err
}

func unmarshalMeta(history, colofon string, h *[]app.StatusEvent, c *[]app.ColofonEntry) error {
	if err := json.Unmarshal([]byte(history), h); err != nil {
		return fmt.Errorf("statushistorie lezen: %w", err)
	}
	if err := json.Unmarshal([]byte(colofon), c); err != nil {
		return fmt.Errorf("colofon lezen: %w", err)
	}
	return nil
}

func loadReviews(ctx context.Context, tx pgx.Tx, profileID string) ([]*app.Review, error) {
	rows, err := tx.Query(ctx, `
		SELECT id, element_id, kind, aansluiting, toelichting, source, date, bron_id, citaat, vindplaats, uit_tekst, lezing
		FROM reviews WHERE profile_id = $1 ORDER BY position`, profileID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (*app.Review, error) {
		r := &app.Review{}
		err := row.Scan(&r.ID, &r.ElementID, &r.Kind, &r.Aansluiting, &r.Toelichting, &r.Source, &r.Date,
			&r.BronID, &r.Citaat, &r.Vindplaats, &r.UitTekst, &r.Lezing)
		return r, err
	})
}

// SaveProfile stores the whole profile in one transaction, replacing what
// was stored under its ID, and stamps it as modified now.
func (l *Library) SaveProfile(ctx context.Context, p *app.Profile) error {
	now := l.stamp()
	if p.Created == "" {
		p.Created = now
	}
	p.Modified = now
	err := l.inTx(ctx, func(tx pgx.Tx) (news, error) {
		return news{Profiles: []string{p.ID}, List: true}, writeProfile(ctx, tx, p)
	})
	if err != nil {
		return fmt.Errorf("profiel %q opslaan: %w", p.Title, err)
	}
	return nil
}

// writeProfile replaces the stored profile p inside tx, with a new version
// throughout: an editor that saw it before meets a conflict instead of
// overwriting it.
func writeProfile(ctx context.Context, tx pgx.Tx, p *app.Profile) error {
	history, colofon, err := marshalMeta(p.Meta())
	if err != nil {
		return err
	}
	version := app.DrawVersion()
	if _, err := tx.Exec(ctx, `
		INSERT INTO profiles (id, origin, title, beroep, owner, version_label, status, structure, catalogue_id,
		                      created, modified, status_history, colofon, meta_version)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
		ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, title = excluded.title, beroep = excluded.beroep,
		  owner = excluded.owner, version_label = excluded.version_label, status = excluded.status,
		  structure = excluded.structure, catalogue_id = excluded.catalogue_id, created = excluded.created,
		  modified = excluded.modified, status_history = excluded.status_history, colofon = excluded.colofon,
		  meta_version = excluded.meta_version`,
		p.ID, p.Origin, p.Title, p.Beroep, p.Owner, p.VersionLabel, p.Status, p.Structure, p.CatalogueID,
		p.Created, p.Modified, history, colofon, version); err != nil {
		return err
	}
	for _, table := range []string{"elements", "reviews"} {
		if _, err := tx.Exec(ctx, "DELETE FROM "+table+" WHERE profile_id = $1", p.ID); err != nil {
			return err
		}
	}
	versions, err := insertElements(ctx, tx, p, version)
	if err != nil {
		return err
	}
	if err := insertReviews(ctx, tx, p); err != nil {
		return err
	}
	p.Versions, p.MetaVersion = versions, version
	return nil
}

func marshalMeta(m app.ProfileMeta) (history, colofon string, err error) {
	h, err := json.Marshal(nonNil(m.StatusHistory))
	if err != nil {
		return "", "", err
	}
	c, err := json.Marshal(nonNil(m.Colofon))
	return string(h), string(c), err
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// insertElements writes every element of p in one batch.
func insertElements(ctx context.Context, tx pgx.Tx, p *app.Profile, version int64) (map[string]int64, error) {
	versions := map[string]int64{}
	batch := &pgx.Batch{}
	for _, e := range p.Elements() {
		versions[e.ID] = version
		batch.Queue(`INSERT INTO elements (id, profile_id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id, version)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
			e.ID, p.ID, e.ParentID, e.Kind, e.Position, e.Code, e.Title, e.Body, e.Ref, e.Source, e.Origin, e.BronID, version)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		if isUnique(err) {
			return nil, fmt.Errorf("een onderdeel staat al in een ander profiel: %w", app.ErrExists)
		}
		return nil, err
	}
	return versions, nil
}

// insertReviews writes every review of p in one batch.
func insertReviews(ctx context.Context, tx pgx.Tx, p *app.Profile) error {
	batch := &pgx.Batch{}
	for i, r := range p.Reviews {
		batch.Queue(`INSERT INTO reviews (id, profile_id, element_id, position, kind, aansluiting, toelichting, source, date,
			                     bron_id, citaat, vindplaats, uit_tekst, lezing)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			r.ID, p.ID, r.ElementID, i, r.Kind, r.Aansluiting, r.Toelichting, r.Source, r.Date,
			r.BronID, r.Citaat, r.Vindplaats, r.UitTekst, r.Lezing)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		if isUnique(err) {
			return fmt.Errorf("een beoordeling staat al in een ander profiel: %w", app.ErrExists)
		}
		return err
	}
	return nil
}

// DeleteProfile removes a profile with its elements and reviews.
func (l *Library) DeleteProfile(ctx context.Context, id string) error {
	err := l.inTx(ctx, func(tx pgx.Tx) (news, error) {
		tag, err := tx.Exec(ctx, "DELETE FROM profiles WHERE id = $1", id)
		if err != nil {
			return news{}, err
		}
		if tag.RowsAffected() == 0 {
			return news{}, app.ErrNotFound
		}
		return news{Profiles: []string{id}, List: true}, nil
	})
	if err != nil {
		return fmt.Errorf("profiel %s verwijderen: %w", id, err)
	}
	return nil
}
