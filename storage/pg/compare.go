package pg

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// What comparisons remember: the mapping between competency models and the
// pairs the designer made or broke by hand.

// Mapping returns the stored mapping between two competency models.
func (l *Library) Mapping(ctx context.Context, fromCat, toCat string) (map[string][]string, error) {
	m := map[string][]string{}
	err := l.inReadTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `
			SELECT m.from_id, m.to_id FROM competentie_mapping m
			JOIN competenties f ON f.id = m.from_id JOIN competenties t ON t.id = m.to_id
			WHERE f.catalogue_id = $1 AND t.catalogue_id = $2 ORDER BY f.position, t.position`, fromCat, toCat)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f, t string
			if err := rows.Scan(&f, &t); err != nil {
				return err
			}
			m[f] = append(m[f], t)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("koppeling lezen: %w", err)
	}
	return m, nil
}

// SetMappingLink adds or removes one link of a mapping.
func (l *Library) SetMappingLink(ctx context.Context, fromID, toID string, linked bool) error {
	return l.inTx(ctx, func(tx pgx.Tx) (news, error) {
		var err error
		if linked {
			_, err = tx.Exec(ctx, "INSERT INTO competentie_mapping (from_id, to_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", fromID, toID)
		} else {
			_, err = tx.Exec(ctx, "DELETE FROM competentie_mapping WHERE from_id = $1 AND to_id = $2", fromID, toID)
		}
		return news{}, err
	})
}

// ManualPairs returns the pairs made or broken by hand for two profiles.
func (l *Library) ManualPairs(ctx context.Context, oldProfile, newProfile string) (map[string]string, error) {
	out := map[string]string{}
	err := l.inReadTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, "SELECT old_id, new_id FROM manual_pairs WHERE old_profile = $1 AND new_profile = $2", oldProfile, newProfile)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var o, n string
			if err := rows.Scan(&o, &n); err != nil {
				return err
			}
			out[o] = n
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("eigen koppelingen lezen: %w", err)
	}
	return out, nil
}

// SetManualPair pairs an old element with a new one by hand; newID ""
// keeps the old element unpaired; forget removes the designer's choice.
func (l *Library) SetManualPair(ctx context.Context, oldProfile, newProfile, oldID, newID string, forget bool) error {
	return l.inTx(ctx, func(tx pgx.Tx) (news, error) {
		if forget {
			_, err := tx.Exec(ctx, "DELETE FROM manual_pairs WHERE old_profile = $1 AND new_profile = $2 AND old_id = $3", oldProfile, newProfile, oldID)
			return news{}, err
		}
		// A new element pairs with one old element only.
		if newID != "" {
			if _, err := tx.Exec(ctx, "DELETE FROM manual_pairs WHERE old_profile = $1 AND new_profile = $2 AND new_id = $3", oldProfile, newProfile, newID); err != nil {
				return news{}, err
			}
		}
		_, err := tx.Exec(ctx, `INSERT INTO manual_pairs (old_profile, new_profile, old_id, new_id) VALUES ($1, $2, $3, $4)
			ON CONFLICT (old_profile, new_profile, old_id) DO UPDATE SET new_id = excluded.new_id`, oldProfile, newProfile, oldID, newID)
		return news{}, err
	})
}
