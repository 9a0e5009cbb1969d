package pg

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"bcpeditor/app"
)

// What comparisons remember: the mapping between competency models and the
// designer's verdicts on the links of a crosswalk.

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

// Koppelingen returns the designer's verdicts on the links between two
// profiles, for compare.Options.Decisions.
func (l *Library) Koppelingen(ctx context.Context, oldProfile, newProfile string) ([]app.Decision, error) {
	var out []app.Decision
	err := l.inReadTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT old_id, new_id, besluit FROM koppelingen
			WHERE old_profile = $1 AND new_profile = $2 ORDER BY old_id, new_id`, oldProfile, newProfile)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d app.Decision
			if err := rows.Scan(&d.OldID, &d.NewID, &d.Verdict); err != nil {
				return err
			}
			out = append(out, d)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("koppelingen lezen: %w", err)
	}
	return out, nil
}

// SetKoppeling stores the designer's verdict on one link, replacing an
// earlier verdict on the same link; a vervallen or nieuw mark replaces
// every verdict on that element, and a link lifts such a mark (as in the
// SQLite library).
func (l *Library) SetKoppeling(ctx context.Context, oldProfile, newProfile string, d app.Decision) error {
	if err := d.Check(); err != nil {
		return err
	}
	err := l.inTx(ctx, func(tx pgx.Tx) (news, error) {
		del := func(where string, args ...any) error {
			_, err := tx.Exec(ctx, "DELETE FROM koppelingen WHERE old_profile = $1 AND new_profile = $2 AND "+where,
				append([]any{oldProfile, newProfile}, args...)...)
			return err
		}
		var err error
		switch {
		case d.NewID == "":
			err = del("old_id = $3", d.OldID)
		case d.OldID == "":
			err = del("new_id = $3", d.NewID)
		case d.Verdict != app.VerdictRejected:
			err = del("((old_id = $3 AND new_id = '') OR (old_id = '' AND new_id = $4))", d.OldID, d.NewID)
		}
		if err != nil {
			return news{}, err
		}
		_, err = tx.Exec(ctx, `INSERT INTO koppelingen (old_profile, new_profile, old_id, new_id, besluit) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (old_profile, new_profile, old_id, new_id) DO UPDATE SET besluit = excluded.besluit`,
			oldProfile, newProfile, d.OldID, d.NewID, string(d.Verdict))
		return news{}, err
	})
	if err != nil {
		return fmt.Errorf("koppeling opslaan: %w", err)
	}
	return nil
}

// ForgetKoppeling removes the verdict on one link (or a vervallen or nieuw
// mark, with "" for one side).
func (l *Library) ForgetKoppeling(ctx context.Context, oldProfile, newProfile, oldID, newID string) error {
	err := l.inTx(ctx, func(tx pgx.Tx) (news, error) {
		_, err := tx.Exec(ctx, `DELETE FROM koppelingen WHERE old_profile = $1 AND new_profile = $2 AND old_id = $3 AND new_id = $4`,
			oldProfile, newProfile, oldID, newID)
		return news{}, err
	})
	if err != nil {
		return fmt.Errorf("koppeling vergeten: %w", err)
	}
	return nil
}
