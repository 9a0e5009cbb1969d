package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"bcpeditor/app"
)

// SaveSnapshot freezes p, a stored profile as the caller saw it, under a
// label.
func (l *Library) SaveSnapshot(ctx context.Context, p *app.Profile, label string) (app.Snapshot, error) {
	var s app.Snapshot
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		s, err = writeSnapshot(ctx, tx, p, label, l.stamp())
		return err
	})
	if err != nil {
		return app.Snapshot{}, fmt.Errorf("versie vastleggen: %w", err)
	}
	return s, nil
}

// snapshotTx freezes the stored state of a profile inside tx.
func snapshotTx(ctx context.Context, tx *sql.Tx, profileID, label, stamp string) (app.Snapshot, error) {
	p, err := loadProfile(ctx, tx, profileID)
	if err != nil {
		return app.Snapshot{}, err
	}
	return writeSnapshot(ctx, tx, p, label, stamp)
}

// writeSnapshot stores p as a snapshot inside tx.
func writeSnapshot(ctx context.Context, tx *sql.Tx, p *app.Profile, label, stamp string) (app.Snapshot, error) {
	s := app.Snapshot{ID: app.NewID(), ProfileID: p.ID, Label: label, Created: stamp}
	var buf bytes.Buffer
	if err := app.EncodeBundle(&buf, &app.Bundle{Format: app.ExchangeFormat, Version: app.ExchangeVersion, Profiles: []*app.Profile{p}}); err != nil {
		return s, err
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO snapshots (id, profile_id, label, created, data) VALUES (?, ?, ?, ?, ?)",
		s.ID, p.ID, label, s.Created, buf.String())
	if isConstraint(err) {
		return s, fmt.Errorf("profiel %s staat niet in de bibliotheek: %w", p.ID, app.ErrNotFound)
	}
	return s, err
}

// Snapshots lists the snapshots of a profile, oldest first.
func (l *Library) Snapshots(ctx context.Context, profileID string) ([]app.Snapshot, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT id, profile_id, label, created FROM snapshots WHERE profile_id = ? ORDER BY created, rowid", profileID)
	if err != nil {
		return nil, fmt.Errorf("vastgelegde versies lezen: %w", l.note(err))
	}
	defer rows.Close()
	var out []app.Snapshot
	for rows.Next() {
		var s app.Snapshot
		if err := rows.Scan(&s.ID, &s.ProfileID, &s.Label, &s.Created); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, l.note(rows.Err())
}

// LoadSnapshot returns the profile as it was frozen.
func (l *Library) LoadSnapshot(ctx context.Context, id string) (*app.Profile, error) {
	var data string
	err := l.db.QueryRowContext(ctx, "SELECT data FROM snapshots WHERE id = ?", id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, app.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("vastgelegde versie lezen: %w", l.note(err))
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
