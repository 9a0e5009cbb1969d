package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"bcpeditor/app"
)

// Snapshot is a frozen, named state of a profile.
type Snapshot struct {
	ID, ProfileID, Label, Created string
}

// SaveSnapshot freezes the stored state of a profile under a label.
func (l *Library) SaveSnapshot(ctx context.Context, profileID, label string) (Snapshot, error) {
	s := Snapshot{ID: app.NewID(), ProfileID: profileID, Label: label, Created: l.stamp()}
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		p, err := loadProfile(ctx, tx, profileID)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := app.EncodeBundle(&buf, &app.Bundle{Format: app.ExchangeFormat, Version: app.ExchangeVersion, Profiles: []*app.Profile{p}}); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO snapshots (id, profile_id, label, created, data) VALUES (?, ?, ?, ?, ?)",
			s.ID, profileID, label, s.Created, buf.String())
		return err
	})
	if err != nil {
		return Snapshot{}, fmt.Errorf("versie vastleggen: %w", err)
	}
	return s, nil
}

// Snapshots lists the snapshots of a profile, oldest first.
func (l *Library) Snapshots(ctx context.Context, profileID string) ([]Snapshot, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT id, profile_id, label, created FROM snapshots WHERE profile_id = ? ORDER BY created, rowid", profileID)
	if err != nil {
		return nil, fmt.Errorf("vastgelegde versies lezen: %w", err)
	}
	defer rows.Close()
	var out []Snapshot
	for rows.Next() {
		var s Snapshot
		if err := rows.Scan(&s.ID, &s.ProfileID, &s.Label, &s.Created); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// LoadSnapshot returns the profile as it was frozen.
func (l *Library) LoadSnapshot(ctx context.Context, id string) (*app.Profile, error) {
	var data string
	err := l.db.QueryRowContext(ctx, "SELECT data FROM snapshots WHERE id = ?", id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, app.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("vastgelegde versie lezen: %w", err)
	}
	b, err := app.ParseBundle([]byte(data))
	if err != nil || len(b.Profiles) != 1 {
		return nil, fmt.Errorf("vastgelegde versie %s is onleesbaar: %v", id, err)
	}
	return b.Profiles[0], nil
}
