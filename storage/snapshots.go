package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

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
		return nil, fmt.Errorf("vastgelegde versies lezen: %w", l.note(err))
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
	if err != nil || len(b.Profiles) != 1 {
		return nil, fmt.Errorf("vastgelegde versie %s is onleesbaar: %v", id, err)
	}
	return b.Profiles[0], nil
}

// ExchangeLabel starts the name of the snapshot taken when a profile is
// exported as an exchange file: the base for merging it when it comes back.
const ExchangeLabel = "uitgewisseld"

// MarkExchanged freezes the profile as it was sent, as the base for a
// later merge.
func (l *Library) MarkExchanged(ctx context.Context, profileID string) error {
	_, err := l.SaveSnapshot(ctx, profileID, ExchangeLabel+" "+l.Now().Format("2006-01-02 15:04"))
	return err
}

// MergeBase returns the profile as it was last sent (nil when it never
// was).
func (l *Library) MergeBase(ctx context.Context, profileID string) (*app.Profile, error) {
	snaps, err := l.Snapshots(ctx, profileID)
	if err != nil {
		return nil, err
	}
	for i := len(snaps) - 1; i >= 0; i-- {
		if strings.HasPrefix(snaps[i].Label, ExchangeLabel) {
			return l.LoadSnapshot(ctx, snaps[i].ID)
		}
	}
	return nil, nil
}

// SaveMerged stores the result of a merge, after freezing the profile as
// it was ("voor samenvoegen"), so that the merge can be undone from the
// history.
func (l *Library) SaveMerged(ctx context.Context, merged *app.Profile) error {
	if _, err := l.SaveSnapshot(ctx, merged.ID, "voor samenvoegen "+l.Now().Format("2006-01-02 15:04")); err != nil {
		return err
	}
	return l.SaveProfile(ctx, merged)
}
