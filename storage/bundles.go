package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"bcpeditor/app"
)

// Catalogues returns every competency model with its competenties.
func (l *Library) Catalogues(ctx context.Context) ([]*app.Catalogue, error) {
	var out []*app.Catalogue
	err := l.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = catalogues(ctx, tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("competentiemodellen lezen: %w", err)
	}
	return out, nil
}

func catalogues(ctx context.Context, tx *sql.Tx) ([]*app.Catalogue, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM catalogues ORDER BY position, name")
	if err != nil {
		return nil, err
	}
	var out []*app.Catalogue
	byID := map[string]*app.Catalogue{}
	for rows.Next() {
		c := &app.Catalogue{}
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
		byID[c.ID] = c
	}
	rows.Close()
	crows, err := tx.QueryContext(ctx, "SELECT id, catalogue_id, code, name, beschrijving, parent, soort FROM competenties ORDER BY catalogue_id, position")
	if err != nil {
		return nil, err
	}
	defer crows.Close()
	for crows.Next() {
		k := &app.Competentie{}
		var cat string
		if err := crows.Scan(&k.ID, &cat, &k.Code, &k.Name, &k.Beschrijving, &k.Parent, &k.Kind); err != nil {
			return nil, err
		}
		if c := byID[cat]; c != nil {
			c.Competenties = append(c.Competenties, k)
		}
	}
	return out, crows.Err()
}

// insertCatalogue stores a competency model unless one with its ID exists.
func insertCatalogue(ctx context.Context, tx *sql.Tx, c *app.Catalogue) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM catalogues WHERE id = ?", c.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	var pos int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM catalogues").Scan(&pos); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO catalogues (id, name, position) VALUES (?, ?, ?)", c.ID, c.Name, pos); err != nil {
		return err
	}
	for i, k := range c.Competenties {
		if _, err := tx.ExecContext(ctx, `INSERT INTO competenties (id, catalogue_id, position, code, name, beschrijving, parent, soort)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, k.ID, c.ID, i, k.Code, k.Name, k.Beschrijving, k.Parent, k.Kind); err != nil {
			if isConstraint(err) {
				return fmt.Errorf("competentie %q staat al in een ander competentiemodel: %w", k.Name, app.ErrExists)
			}
			return err
		}
	}
	return nil
}

// ImportError is a refused import; its message is a Dutch sentence.
type ImportError struct{ Msg string }

func (e *ImportError) Error() string { return e.Msg }

// Import writes what one import brings in one transaction: competency
// models not yet in the library, new profiles, and merged profiles (each
// frozen first under its snapshot label, then replaced). A new profile
// whose ID is already in the library, or whose competency model or
// competenties are unknown, refuses the whole import.
func (l *Library) Import(ctx context.Context, set app.ImportSet) error {
	return l.inTx(ctx, func(tx *sql.Tx) error {
		for _, c := range set.Catalogues {
			if err := insertCatalogue(ctx, tx, c); err != nil {
				return fmt.Errorf("competentiemodel %q importeren: %w", c.Name, err)
			}
		}
		incoming := &app.Bundle{Bronnen: set.Bronnen, Profiles: set.New}
		for _, m := range set.Merged {
			incoming.Profiles = append(incoming.Profiles, m.Profile)
		}
		if err := importBronnen(ctx, tx, incoming); err != nil {
			return err
		}
		cats, err := catalogues(ctx, tx)
		if err != nil {
			return err
		}
		for _, p := range set.New {
			if err := importNew(ctx, tx, p, cats); err != nil {
				return err
			}
		}
		for _, m := range set.Merged {
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
		}
		return nil
	})
}

// importNew stores one new profile of an import.
func importNew(ctx context.Context, tx *sql.Tx, p *app.Profile, cats []*app.Catalogue) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM profiles WHERE id = ?", p.ID).Scan(&n); err != nil {
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
			return &ImportError{Msg: fmt.Sprintf("Profiel %q bevat onderdelen die al in een ander profiel in de bibliotheek staan (%v). Er is niets gewijzigd.", p.Title, err)}
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

// Seed offers bundled profiles to the library (see SeedBundles) and
// reports how many profiles it added for the first time.
func (l *Library) Seed(ctx context.Context, bundles []*app.Bundle) (int, error) {
	res, err := l.SeedBundles(ctx, bundles)
	return res.Added, err
}
