package storage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"bcpeditor/app"
)

// SeedResult says what offering the bundled profiles did to the library.
type SeedResult struct {
	// Added counts bundled profiles added for the first time.
	Added int
	// Updated names the bundled profiles the user had never changed that
	// were brought up to a newer bundled revision; the old state is kept as
	// a snapshot in their history.
	Updated []string
	// NewVersions names the bundled profiles the user had changed: the
	// newer bundled revision was added beside them as a new version (its
	// elements linked to the user's), and the user's copy left as it is.
	NewVersions []string
}

// UpdatedLabel is appended to the version label of a newer bundled
// revision that is added beside a copy the user changed.
const UpdatedLabel = " (bijgewerkte meegeleverde versie)"

// SeedBundles offers bundled profiles to the library, in one transaction.
// Competency models and research sources (bronnen) that are missing are
// added; the bundled ones follow the program (their names and contents
// are updated). Each bundled profile is added once, and what the user
// changed or deleted stays as it is. When the program ships a corrected
// revision of a profile offered before, a copy the user never changed is
// replaced (the old state kept as a snapshot), a changed copy gets the
// corrected profile beside it as a new version, and a deleted one stays
// deleted.
func (l *Library) SeedBundles(ctx context.Context, bundles []*app.Bundle) (SeedResult, error) {
	var res SeedResult
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		res = SeedResult{}
		if err := seedReference(ctx, tx, bundles); err != nil {
			return err
		}
		now := l.stamp()
		for _, b := range bundles {
			for _, p := range b.Profiles {
				if err := seedProfile(ctx, tx, p, now, &res); err != nil {
					return fmt.Errorf("profiel %q: %w", p.Title, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return SeedResult{}, fmt.Errorf("meegeleverde profielen laden: %w", err)
	}
	return res, nil
}

// seedReference stores the bundled competency models and bronnen.
func seedReference(ctx context.Context, tx *sql.Tx, bundles []*app.Bundle) error {
	for _, b := range bundles {
		for _, c := range b.Catalogues {
			if err := insertCatalogue(ctx, tx, c); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "UPDATE catalogues SET name = ? WHERE id = ?", c.Name, c.ID); err != nil {
				return err
			}
		}
		for _, br := range b.Bronnen {
			if err := putBron(ctx, tx, br, true); err != nil {
				return fmt.Errorf("onderzoek %q: %w", br.Titel, err)
			}
		}
	}
	return nil
}

// Revision identifies the content of a bundled profile.
func Revision(p *app.Profile) (string, error) {
	var buf bytes.Buffer
	if err := app.EncodeBundle(&buf, &app.Bundle{Format: app.ExchangeFormat, Version: app.ExchangeVersion, Profiles: []*app.Profile{p}}); err != nil {
		return "", err
	}
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:16]), nil
}

// seedProfile offers one bundled profile.
func seedProfile(ctx context.Context, tx *sql.Tx, p *app.Profile, now string, res *SeedResult) error {
	rev, err := Revision(p)
	if err != nil {
		return err
	}
	var offered string
	err = tx.QueryRowContext(ctx, "SELECT revision FROM seeded WHERE profile_id = ?", p.ID).Scan(&offered)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return seedFirstTime(ctx, tx, p, rev, now, res)
	case err != nil:
		return err
	case offered == rev:
		return nil
	}
	var modified string
	err = tx.QueryRowContext(ctx, "SELECT modified FROM profiles WHERE id = ?", p.ID).Scan(&modified)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		// deleted by the user: stays deleted
	case err != nil:
		return err
	case modified == "":
		// Stored as seeded and never changed (every change stamps it).
		if _, err := snapshotTx(ctx, tx, p.ID, "meegeleverde versie vóór bijwerken", now); err != nil {
			return err
		}
		if err := writeProfile(ctx, tx, p); err != nil {
			return err
		}
		res.Updated = append(res.Updated, p.Title)
	default:
		q := app.NewVersion(p, p.VersionLabel+UpdatedLabel)
		q.Status = p.Status
		q.Created, q.Modified = now, now
		if err := writeProfile(ctx, tx, q); err != nil {
			return err
		}
		res.NewVersions = append(res.NewVersions, p.Title)
	}
	_, err = tx.ExecContext(ctx, "UPDATE seeded SET revision = ? WHERE profile_id = ?", rev, p.ID)
	return err
}

// seedFirstTime adds a bundled profile never offered before, unless a
// profile with its id is already there (imported by hand).
func seedFirstTime(ctx context.Context, tx *sql.Tx, p *app.Profile, rev, now string, res *SeedResult) error {
	var present int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM profiles WHERE id = ?", p.ID).Scan(&present); err != nil {
		return err
	}
	if present == 0 {
		if err := writeProfile(ctx, tx, p); err != nil {
			return err
		}
		res.Added++
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO seeded (profile_id, seeded_at, revision) VALUES (?, ?, ?)", p.ID, now, rev)
	return err
}
