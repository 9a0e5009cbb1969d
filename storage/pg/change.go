package pg

import (
	"context"
	"errors"
	"fmt"

	"bcpeditor/app"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// SaveChange stores one edit in one transaction: the profile's own fields
// when meta is given, the elements to insert or update, the elements to
// delete, the reviews, and the profile's modified stamp; the other
// programs hear of it when it commits. The profile's row is locked first,
// so that changes to one profile follow each other; a checked change
// (app.ChangeSet.Version) that someone else overtook is refused whole with
// an *app.ConflictError.
func (l *Library) SaveChange(ctx context.Context, profileID string, c app.ChangeSet) error {
	version := c.Version
	if !c.Checked() {
		version = app.DrawVersion()
	}
	err := l.inTx(ctx, func(tx pgx.Tx) (news, error) {
		tag, err := tx.Exec(ctx, "UPDATE profiles SET modified = $1 WHERE id = $2", l.stamp(), profileID)
		if err != nil {
			return news{}, err
		}
		if tag.RowsAffected() == 0 {
			return news{}, app.ErrNotFound
		}
		if err := checkChange(ctx, tx, profileID, c); err != nil {
			return news{}, err
		}
		if err := writeChange(ctx, tx, profileID, c, version); err != nil {
			return news{}, err
		}
		return news{Profiles: []string{profileID}, List: changesList(c)}, nil
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

// changesList reports whether a change may change the profile's summary:
// its own fields, or elements added or removed.
func changesList(c app.ChangeSet) bool {
	if c.Meta != nil || len(c.Deletes) > 0 || !c.Checked() {
		return true
	}
	for _, u := range c.Upserts {
		if _, had := c.Expect[u.ID]; !had {
			return true
		}
	}
	return false
}

// checkChange reads what the change touches as stored now and compares it
// with what the editor saw.
func checkChange(ctx context.Context, tx pgx.Tx, profileID string, c app.ChangeSet) error {
	if !c.Checked() {
		return nil
	}
	ids, deleted := c.CheckIDs()
	rows, err := tx.Query(ctx, "SELECT "+elementColumns+` FROM elements
		WHERE profile_id = $1 AND (id = ANY($2) OR parent_id = ANY($3))`, profileID, ids, deleted)
	if err != nil {
		return err
	}
	stored, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (app.StoredElement, error) { return scanElement(r) })
	if err != nil {
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

func storedMeta(ctx context.Context, tx pgx.Tx, profileID string) (app.ProfileMeta, int64, error) {
	var m app.ProfileMeta
	var history, colofon string
	var v int64
	err := tx.QueryRow(ctx, `SELECT title, beroep, owner, version_label, status, status_history, colofon, meta_version
		FROM profiles WHERE id = $1`, profileID).Scan(&m.Title, &m.Beroep, &m.Owner, &m.VersionLabel, &m.Status, &history, &colofon, &v)
	if err != nil {
		return m, 0, err
	}
	return m, v, unmarshalMeta(history, colofon, &m.StatusHistory, &m.Colofon)
}

// writeChange writes the change's meta, elements and reviews in one
// round trip.
func writeChange(ctx context.Context, tx pgx.Tx, profileID string, c app.ChangeSet, version int64) error {
	batch := &pgx.Batch{}
	if m := c.Meta; m != nil {
		history, colofon, err := marshalMeta(*m)
		if err != nil {
			return err
		}
		batch.Queue(`UPDATE profiles SET title = $1, beroep = $2, owner = $3, version_label = $4, status = $5,
			status_history = $6, colofon = $7, meta_version = $8 WHERE id = $9`,
			m.Title, m.Beroep, m.Owner, m.VersionLabel, m.Status, history, colofon, version, profileID)
	}
	var owned []*pgx.QueuedQuery
	for _, e := range c.Upserts {
		owned = append(owned, batch.Queue(`
			INSERT INTO elements (id, profile_id, parent_id, kind, position, code, title, body, ref, source, origin, bron_id, version)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, kind = excluded.kind,
			  position = excluded.position, code = excluded.code, title = excluded.title, body = excluded.body,
			  ref = excluded.ref, source = excluded.source, origin = excluded.origin, bron_id = excluded.bron_id,
			  version = excluded.version
			WHERE elements.profile_id = excluded.profile_id`,
			e.ID, profileID, e.ParentID, e.Kind, e.Position, e.Code, e.Title, e.Body, e.Ref, e.Source, e.Origin, e.BronID, version))
	}
	for _, id := range c.Deletes {
		batch.Queue("DELETE FROM elements WHERE id = $1 AND profile_id = $2", id, profileID)
	}
	for _, r := range c.ReviewUpserts {
		owned = append(owned, batch.Queue(`
			INSERT INTO reviews (id, profile_id, element_id, position, kind, aansluiting, toelichting, source, date,
			                     bron_id, citaat, vindplaats, uit_tekst, lezing)
			VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), -1) + 1 FROM reviews WHERE profile_id = $2), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			ON CONFLICT (id) DO UPDATE SET element_id = excluded.element_id, kind = excluded.kind,
			  aansluiting = excluded.aansluiting, toelichting = excluded.toelichting, source = excluded.source, date = excluded.date,
			  bron_id = excluded.bron_id, citaat = excluded.citaat, vindplaats = excluded.vindplaats,
			  uit_tekst = excluded.uit_tekst, lezing = excluded.lezing
			WHERE reviews.profile_id = excluded.profile_id`,
			r.ID, profileID, r.ElementID, r.Kind, r.Aansluiting, r.Toelichting, r.Source, r.Date,
			r.BronID, r.Citaat, r.Vindplaats, r.UitTekst, r.Lezing))
	}
	for _, id := range c.ReviewDeletes {
		batch.Queue("DELETE FROM reviews WHERE id = $1 AND profile_id = $2", id, profileID)
	}
	return sendOwned(ctx, tx, batch, owned)
}

// sendOwned runs the batch; an upsert in owned that changed no row hit an
// element or review of another profile.
func sendOwned(ctx context.Context, tx pgx.Tx, batch *pgx.Batch, owned []*pgx.QueuedQuery) error {
	var foreign error
	for _, q := range owned {
		q.Exec(func(tag pgconn.CommandTag) error {
			if tag.RowsAffected() == 0 && foreign == nil {
				foreign = fmt.Errorf("een onderdeel of beoordeling hoort bij een ander profiel: %w", app.ErrExists)
			}
			return nil
		})
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return err
	}
	return foreign
}
