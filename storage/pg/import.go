package pg

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"bcpeditor/app"

	"github.com/jackc/pgx/v5"
)

// ImportError is a refused import; its message is a Dutch sentence.
type ImportError struct{ Msg string }

func (e *ImportError) Error() string { return e.Msg }

// Import writes what one import brings in one transaction: competency
// models not yet in the library, new profiles, and merged profiles (each
// frozen first under its snapshot label, then replaced). A new profile
// whose ID is already in the library, or whose competency model or
// competenties are unknown, refuses the whole import.
func (l *Library) Import(ctx context.Context, set app.ImportSet) error {
	return l.inTx(ctx, func(tx pgx.Tx) (news, error) {
		n := news{List: true}
		for _, c := range set.Catalogues {
			if _, err := insertCatalogue(ctx, tx, c); err != nil {
				return n, fmt.Errorf("competentiemodel %q importeren: %w", c.Name, err)
			}
		}
		incoming := &app.Bundle{Bronnen: set.Bronnen, Profiles: set.New}
		for _, m := range set.Merged {
			incoming.Profiles = append(incoming.Profiles, m.Profile)
		}
		if err := importBronnen(ctx, tx, incoming); err != nil {
			return n, err
		}
		cats, err := catalogues(ctx, tx)
		if err != nil {
			return n, err
		}
		for _, p := range set.New {
			if err := importNew(ctx, tx, p, cats); err != nil {
				return n, err
			}
			n.Profiles = append(n.Profiles, p.ID)
		}
		for _, m := range set.Merged {
			if err := l.importMerged(ctx, tx, m, cats); err != nil {
				return n, err
			}
			n.Profiles = append(n.Profiles, m.Profile.ID)
		}
		return n, nil
	})
}

// importMerged freezes the stored profile and replaces it with the merge.
func (l *Library) importMerged(ctx context.Context, tx pgx.Tx, m app.MergedProfile, cats []*app.Catalogue) error {
	if err := checkCatalogue(m.Profile, cats); err != nil {
		return err
	}
	if _, err := snapshotTx(ctx, tx, m.Profile.ID, m.SnapshotLabel, l.stamp()); err != nil {
		return fmt.Errorf("profiel %q vastleggen voor het samenvoegen: %w", m.Profile.Title, err)
	}
	m.Profile.Modified = l.stamp()
	if err := writeProfile(ctx, tx, m.Profile); err != nil {
		return fmt.Errorf("samengevoegd profiel %q opslaan: %w", m.Profile.Title, err)
	}
	return nil
}

// importNew stores one new profile of an import.
func importNew(ctx context.Context, tx pgx.Tx, p *app.Profile, cats []*app.Catalogue) error {
	var n int
	if err := tx.QueryRow(ctx, "SELECT count(*) FROM profiles WHERE id = $1", p.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return &ImportError{Msg: fmt.Sprintf("Profiel %q staat al in de bibliotheek (zelfde id). Er is niets gewijzigd.", p.Title)}
	}
	if err := checkCatalogue(p, cats); err != nil {
		return err
	}
	if err := writeProfile(ctx, tx, p); err != nil {
		if errors.Is(err, app.ErrExists) {
			return &ImportError{Msg: fmt.Sprintf("Profiel %q bevat onderdelen die al in een ander profiel in de bibliotheek staan. Er is niets gewijzigd.", p.Title)}
		}
		return fmt.Errorf("profiel %q importeren: %w", p.Title, err)
	}
	return nil
}

// checkCatalogue makes sure the profile's competency model is known and
// holds every competentie it refers to.
func checkCatalogue(p *app.Profile, cats []*app.Catalogue) error {
	cat := app.CatalogueByID(cats, p.CatalogueID)
	if cat == nil {
		return &ImportError{Msg: fmt.Sprintf("Profiel %q gebruikt een competentiemodel dat niet in het bestand en niet in de bibliotheek staat. Er is niets gewijzigd.", p.Title)}
	}
	known := map[string]bool{}
	for _, k := range cat.Competenties {
		known[k.ID] = true
	}
	for _, e := range p.Elements() {
		if e.Kind == app.KindCompetentie && !known[e.Ref] {
			return &ImportError{Msg: fmt.Sprintf("Profiel %q noemt een competentie die niet in %q staat. Er is niets gewijzigd.", p.Title, cat.Name)}
		}
	}
	return nil
}

// SaveSnapshot freezes p, a stored profile as the caller saw it, under a
// label.
func (l *Library) SaveSnapshot(ctx context.Context, p *app.Profile, label string) (app.Snapshot, error) {
	var s app.Snapshot
	err := l.inTx(ctx, func(tx pgx.Tx) (news, error) {
		var err error
		s, err = writeSnapshot(ctx, tx, p, label, l.stamp())
		return news{Profiles: []string{p.ID}}, err
	})
	if err != nil {
		return app.Snapshot{}, fmt.Errorf("versie vastleggen: %w", err)
	}
	return s, nil
}

// snapshotTx freezes the stored state of a profile inside tx.
func snapshotTx(ctx context.Context, tx pgx.Tx, profileID, label, stamp string) (app.Snapshot, error) {
	p, err := loadProfile(ctx, tx, profileID)
	if err != nil {
		return app.Snapshot{}, err
	}
	return writeSnapshot(ctx, tx, p, label, stamp)
}

func writeSnapshot(ctx context.Context, tx pgx.Tx, p *app.Profile, label, stamp string) (app.Snapshot, error) {
	s := app.Snapshot{ID: app.NewID(), ProfileID: p.ID, Label: label, Created: stamp}
	var buf bytes.Buffer
	if err := app.EncodeBundle(&buf, &app.Bundle{Format: app.ExchangeFormat, Version: app.ExchangeVersion, Profiles: []*app.Profile{p}}); err != nil {
		return s, err
	}
	_, err := tx.Exec(ctx, "INSERT INTO snapshots (id, profile_id, label, created, data) VALUES ($1, $2, $3, $4, $5)",
		s.ID, p.ID, label, s.Created, buf.String())
	if code(err) == "23503" { // foreign_key_violation
		return s, fmt.Errorf("profiel %s staat niet in de bibliotheek: %w", p.ID, app.ErrNotFound)
	}
	return s, err
}

// Snapshots lists the snapshots of a profile, oldest first.
func (l *Library) Snapshots(ctx context.Context, profileID string) ([]app.Snapshot, error) {
	var out []app.Snapshot
	err := l.inReadTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, "SELECT id, profile_id, label, created FROM snapshots WHERE profile_id = $1 ORDER BY created, seq", profileID)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (app.Snapshot, error) {
			var s app.Snapshot
			return s, r.Scan(&s.ID, &s.ProfileID, &s.Label, &s.Created)
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("vastgelegde versies lezen: %w", err)
	}
	return out, nil
}

// LoadSnapshot returns the profile as it was frozen.
func (l *Library) LoadSnapshot(ctx context.Context, id string) (*app.Profile, error) {
	var data string
	err := l.inReadTx(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, "SELECT data FROM snapshots WHERE id = $1", id).Scan(&data)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, app.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("vastgelegde versie lezen: %w", err)
	}
	b, err := app.ParseBundle([]byte(data))
	if err != nil {
		return nil, fmt.Errorf("vastgelegde versie %s is onleesbaar: %w", id, err)
	}
	if len(b.Profiles) != 1 {
		return nil, fmt.Errorf("vastgelegde versie %s bevat %d profielen", id, len(b.Profiles))
	}
	return b.Profiles[0], nil
}
