package storage

import (
	"context"
	"database/sql"
	"fmt"

	"bcpeditor/app"
	"bcpeditor/app/compare"
)

// Mapping returns the stored mapping between two competency models.
func (l *Library) Mapping(ctx context.Context, fromCat, toCat string) (compare.Mapping, error) {
	rows, err := l.db.QueryContext(ctx, `
		SELECT m.from_id, m.to_id FROM competentie_mapping m
		JOIN competenties f ON f.id = m.from_id JOIN competenties t ON t.id = m.to_id
		WHERE f.catalogue_id = ? AND t.catalogue_id = ? ORDER BY f.position, t.position`, fromCat, toCat)
	if err != nil {
		return nil, fmt.Errorf("koppeling lezen: %w", l.note(err))
	}
	defer rows.Close()
	m := compare.Mapping{}
	for rows.Next() {
		var f, t string
		if err := rows.Scan(&f, &t); err != nil {
			return nil, err
		}
		m[f] = append(m[f], t)
	}
	return m, l.note(rows.Err())
}

// SetMappingLink adds or removes one link of a mapping.
func (l *Library) SetMappingLink(ctx context.Context, fromID, toID string, linked bool) error {
	return l.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if linked {
			_, err = tx.ExecContext(ctx, "INSERT OR IGNORE INTO competentie_mapping (from_id, to_id) VALUES (?, ?)", fromID, toID)
		} else {
			_, err = tx.ExecContext(ctx, "DELETE FROM competentie_mapping WHERE from_id = ? AND to_id = ?", fromID, toID)
		}
		return err
	})
}

// SeedMappings stores bundled mappings between competency models, each
// once: a mapping the user edited is never overwritten.
func (l *Library) SeedMappings(ctx context.Context, ms map[[2]string]map[string][]string) error {
	return l.inTx(ctx, func(tx *sql.Tx) error {
		for cats, m := range ms {
			res, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO seeded_mappings (from_catalogue, to_catalogue) VALUES (?, ?)", cats[0], cats[1])
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				continue
			}
			for f, ts := range m {
				for _, t := range ts {
					if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO competentie_mapping (from_id, to_id) VALUES (?, ?)", f, t); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}

// ManualPairs returns the pairs made or broken by hand for two profiles.
func (l *Library) ManualPairs(ctx context.Context, oldProfile, newProfile string) (map[string]string, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT old_id, new_id FROM manual_pairs WHERE old_profile = ? AND new_profile = ?", oldProfile, newProfile)
	if err != nil {
		return nil, fmt.Errorf("eigen koppelingen lezen: %w", l.note(err))
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var o, n string
		if err := rows.Scan(&o, &n); err != nil {
			return nil, err
		}
		out[o] = n
	}
	return out, l.note(rows.Err())
}

// SetManualPair pairs an old element with a new one by hand; newID ""
// keeps the old element unpaired; forget removes the designer's choice.
func (l *Library) SetManualPair(ctx context.Context, oldProfile, newProfile, oldID, newID string, forget bool) error {
	return l.inTx(ctx, func(tx *sql.Tx) error {
		if forget {
			_, err := tx.ExecContext(ctx, "DELETE FROM manual_pairs WHERE old_profile = ? AND new_profile = ? AND old_id = ?", oldProfile, newProfile, oldID)
			return err
		}
		// A new element pairs with one old element only.
		if newID != "" {
			if _, err := tx.ExecContext(ctx, "DELETE FROM manual_pairs WHERE old_profile = ? AND new_profile = ? AND new_id = ?", oldProfile, newProfile, newID); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO manual_pairs (old_profile, new_profile, old_id, new_id) VALUES (?, ?, ?, ?)
			ON CONFLICT(old_profile, new_profile, old_id) DO UPDATE SET new_id = excluded.new_id`, oldProfile, newProfile, oldID, newID)
		return err
	})
}

// CompareOptions gathers what a comparison of two profiles needs: their
// competency models, the mapping between them and the pairs made by hand.
func (l *Library) CompareOptions(ctx context.Context, old, new *app.Profile) (compare.Options, error) {
	cats, err := l.Catalogues(ctx)
	if err != nil {
		return compare.Options{}, err
	}
	opt := compare.Options{OldCatalogue: app.CatalogueByID(cats, old.CatalogueID), NewCatalogue: app.CatalogueByID(cats, new.CatalogueID)}
	if old.CatalogueID != new.CatalogueID {
		if opt.Mapping, err = l.Mapping(ctx, old.CatalogueID, new.CatalogueID); err != nil {
			return opt, err
		}
	}
	opt.Manual, err = l.ManualPairs(ctx, old.ID, new.ID)
	return opt, err
}
