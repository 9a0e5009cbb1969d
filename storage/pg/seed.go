package pg

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"bcpeditor/app"
	"bcpeditor/assets"

	"github.com/jackc/pgx/v5"
)

// Offering what the program ships, as the SQLite library does: the bundled
// competency models, research sources and profiles, and the mappings
// between the models. Each profile is offered once; what the team changed
// or deleted stays as it is; a corrected bundled revision replaces a copy
// nobody changed, or is added beside a changed one as a new version.

// updatedLabel is appended to the version label of a newer bundled
// revision added beside a copy the team changed.
const updatedLabel = " (bijgewerkte meegeleverde versie)"

func (l *Library) seedBundled(ctx context.Context) error {
	bundles, err := assets.Bundles()
	if err != nil {
		return err
	}
	err = l.inTx(ctx, func(tx pgx.Tx) (news, error) {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", lockKey); err != nil {
			return news{}, err
		}
		changed, err := seedReference(ctx, tx, bundles)
		if err != nil {
			return news{}, err
		}
		now := l.stamp()
		for _, b := range bundles {
			for _, p := range b.Profiles {
				wrote, err := seedProfile(ctx, tx, p, now)
				if err != nil {
					return news{}, fmt.Errorf("profiel %q: %w", p.Title, err)
				}
				changed = changed || wrote
			}
		}
		if err := seedMappings(ctx, tx); err != nil {
			return news{}, err
		}
		return news{All: changed}, nil
	})
	if err != nil {
		return fmt.Errorf("meegeleverde profielen laden: %w", err)
	}
	return nil
}

// seedReference stores the bundled competency models and bronnen; it
// reports whether it changed anything.
func seedReference(ctx context.Context, tx pgx.Tx, bundles []*app.Bundle) (bool, error) {
	changed := false
	for _, b := range bundles {
		for _, c := range b.Catalogues {
			added, err := insertCatalogue(ctx, tx, c)
			if err != nil {
				return false, err
			}
			tag, err := tx.Exec(ctx, "UPDATE catalogues SET name = $1 WHERE id = $2 AND name <> $1", c.Name, c.ID)
			if err != nil {
				return false, err
			}
			changed = changed || added || tag.RowsAffected() > 0
		}
		for _, br := range b.Bronnen {
			wrote, err := putBron(ctx, tx, br, true)
			if err != nil {
				return false, fmt.Errorf("onderzoek %q: %w", br.Titel, err)
			}
			changed = changed || wrote
		}
	}
	return changed, nil
}

// revision identifies the content of a bundled profile.
func revision(p *app.Profile) (string, error) {
	var buf bytes.Buffer
	if err := app.EncodeBundle(&buf, &app.Bundle{Format: app.ExchangeFormat, Version: app.ExchangeVersion, Profiles: []*app.Profile{p}}); err != nil {
		return "", err
	}
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:16]), nil
}

// seedProfile offers one bundled profile; it reports whether it wrote one.
func seedProfile(ctx context.Context, tx pgx.Tx, p *app.Profile, now string) (bool, error) {
	rev, err := revision(p)
	if err != nil {
		return false, err
	}
	var offered string
	err = tx.QueryRow(ctx, "SELECT revision FROM seeded WHERE profile_id = $1", p.ID).Scan(&offered)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return seedFirstTime(ctx, tx, p, rev, now)
	case err != nil || offered == rev:
		return false, err
	}
	var modified string
	err = tx.QueryRow(ctx, "SELECT modified FROM profiles WHERE id = $1", p.ID).Scan(&modified)
	switch {
	case errors.Is(err, pgx.ErrNoRows): // deleted by the team: stays deleted
	case err != nil:
		return false, err
	case modified == "": // stored as seeded and never changed
		if _, err := snapshotTx(ctx, tx, p.ID, "meegeleverde versie vóór bijwerken", now); err != nil {
			return false, err
		}
		if err := writeProfile(ctx, tx, p.Clone()); err != nil {
			return false, err
		}
	default:
		q := app.NewVersion(p, p.VersionLabel+updatedLabel)
		q.Status = p.Status
		q.Created, q.Modified = now, now
		if err := writeProfile(ctx, tx, q); err != nil {
			return false, err
		}
	}
	_, err = tx.Exec(ctx, "UPDATE seeded SET revision = $1 WHERE profile_id = $2", rev, p.ID)
	return true, err
}

// seedFirstTime adds a bundled profile never offered before, unless a
// profile with its id is already there (imported by hand).
func seedFirstTime(ctx context.Context, tx pgx.Tx, p *app.Profile, rev, now string) (bool, error) {
	var present int
	if err := tx.QueryRow(ctx, "SELECT count(*) FROM profiles WHERE id = $1", p.ID).Scan(&present); err != nil {
		return false, err
	}
	if present == 0 {
		if err := writeProfile(ctx, tx, p.Clone()); err != nil {
			return false, err
		}
	}
	_, err := tx.Exec(ctx, "INSERT INTO seeded (profile_id, seeded_at, revision) VALUES ($1, $2, $3)", p.ID, now, rev)
	return present == 0, err
}

// seedMappings stores the bundled mappings between competency models, each
// once: a mapping the team edited is never overwritten.
func seedMappings(ctx context.Context, tx pgx.Tx) error {
	cats, err := catalogues(ctx, tx)
	if err != nil {
		return err
	}
	ms, err := assets.Mappings(cats)
	if err != nil {
		return err
	}
	for pair, m := range ms {
		tag, err := tx.Exec(ctx, "INSERT INTO seeded_mappings (from_catalogue, to_catalogue) VALUES ($1, $2) ON CONFLICT DO NOTHING", pair[0], pair[1])
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			continue
		}
		batch := &pgx.Batch{}
		for f, ts := range m {
			for _, t := range ts {
				batch.Queue("INSERT INTO competentie_mapping (from_id, to_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", f, t)
			}
		}
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return err
		}
	}
	return nil
}
