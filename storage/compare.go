package storage

import (
	"context"
	"database/sql"
	"fmt"
)

// What comparisons remember: the mapping between competency models and the
// pairs the designer made or broke by hand. How they are used is the
// workspace's business.

// Mapping returns the stored mapping between two competency models.
func (l *Library) Mapping(ctx context.Context, fromCat, toCat string) (map[string][]string, error) {
	rows, err := l.db.QueryContext(ctx, `
		SELECT m.from_id, m.to_id FROM competentie_mapping m
		JOIN competenties f ON f.id = m.from_id JOIN competenties t ON t.id = m.to_id
		WHERE f.catalogue_id = ? AND t.catalogue_id = ? ORDER BY f.position, t.position`, fromCat, toCat)
	if err != nil {
		return nil, fmt.Errorf("koppeling lezen: %w", l.note(err))
	}
	defer rows.Close()
	m := map[string][]string{}
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
