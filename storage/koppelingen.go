package storage

import (
	"context"
	"database/sql"
	"fmt"

	"bcpeditor/app"
)

// ErrBadKoppeling is returned for a verdict on a link that cannot be
// stored; nothing is changed.
var ErrBadKoppeling = app.ErrBadKoppeling

// Koppelingen returns the designer's verdicts on the links between two
// profiles, for compare.Options.Decisions.
func (l *Library) Koppelingen(ctx context.Context, oldProfile, newProfile string) ([]app.Decision, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT old_id, new_id, besluit FROM koppelingen
		WHERE old_profile = ? AND new_profile = ? ORDER BY old_id, new_id`, oldProfile, newProfile)
	if err != nil {
		return nil, fmt.Errorf("koppelingen lezen: %w", err)
	}
	defer rows.Close()
	var out []app.Decision
	for rows.Next() {
		var d app.Decision
		if err := rows.Scan(&d.OldID, &d.NewID, &d.Verdict); err != nil {
			return nil, fmt.Errorf("koppelingen lezen: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// SetKoppeling stores the designer's verdict on one link, replacing an
// earlier verdict on the same link. Marking an element vervallen (a
// rejection with NewID "") or really new (OldID "") replaces every
// verdict on that element; making or confirming a link of it lifts such a
// mark.
func (l *Library) SetKoppeling(ctx context.Context, oldProfile, newProfile string, d app.Decision) error {
	if err := d.Check(); err != nil {
		return err
	}
	return l.inTx(ctx, func(tx *sql.Tx) error {
		del := func(where string, args ...any) error {
			_, err := tx.ExecContext(ctx, "DELETE FROM koppelingen WHERE old_profile = ? AND new_profile = ? AND "+where,
				append([]any{oldProfile, newProfile}, args...)...)
			return err
		}
		var err error
		switch {
		case d.NewID == "":
			err = del("old_id = ?", d.OldID)
		case d.OldID == "":
			err = del("new_id = ?", d.NewID)
		case d.Verdict != app.VerdictRejected:
			err = del("((old_id = ? AND new_id = '') OR (old_id = '' AND new_id = ?))", d.OldID, d.NewID)
		}
		if err != nil {
			return fmt.Errorf("koppeling opslaan: %w", err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO koppelingen (old_profile, new_profile, old_id, new_id, besluit) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (old_profile, new_profile, old_id, new_id) DO UPDATE SET besluit = excluded.besluit`,
			oldProfile, newProfile, d.OldID, d.NewID, string(d.Verdict))
		if err != nil {
			return fmt.Errorf("koppeling opslaan: %w", err)
		}
		return nil
	})
}

// ForgetKoppeling removes the verdict on one link (or, with "" for one
// side, the vervallen or nieuw mark of an element): the program links as
// it sees fit again.
func (l *Library) ForgetKoppeling(ctx context.Context, oldProfile, newProfile, oldID, newID string) error {
	return l.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM koppelingen WHERE old_profile = ? AND new_profile = ? AND old_id = ? AND new_id = ?`,
			oldProfile, newProfile, oldID, newID)
		if err != nil {
			return fmt.Errorf("koppeling vergeten: %w", err)
		}
		return nil
	})
}
