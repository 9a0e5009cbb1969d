package pg

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Who has which profile open: each handle keeps one row in presence,
// renewed by a heartbeat; a row not renewed for presenceTimeout no longer
// counts. Readers may write their own row too (see grantSQL), so that
// designers see a reviewer looking along.

// SetPresent says which profile this handle has open ("" for none) and
// tells the others.
func (l *Library) SetPresent(ctx context.Context, profileID string) error {
	l.presence.Lock()
	l.present = profileID
	l.presence.Unlock()
	return l.writePresence(ctx, true)
}

// Others lists the roles that have the profile open in another window.
func (l *Library) Others(ctx context.Context, profileID string) ([]string, error) {
	var names []string
	err := l.inReadTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT DISTINCT who FROM presence
			WHERE profile_id = $1 AND session_id <> $2 AND seen > now() - make_interval(secs => $3)
			ORDER BY who`, profileID, l.session, presenceTimeout.Seconds())
		if err != nil {
			return err
		}
		names, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("nagaan wie het profiel open heeft: %w", err)
	}
	return names, nil
}

// writePresence renews this handle's row (and clears rows long gone);
// announce tells the others at once.
func (l *Library) writePresence(ctx context.Context, announce bool) error {
	if l.heartbeat == nil {
		return nil // opened read-only: nothing is written
	}
	l.presence.Lock()
	profile := l.present
	l.presence.Unlock()
	err := pgx.BeginTxFunc(ctx, l.pool, pgx.TxOptions{}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO presence (session_id, who, profile_id, seen) VALUES ($1, current_user, $2, now())
			ON CONFLICT (session_id) DO UPDATE SET profile_id = excluded.profile_id, seen = now()`, l.session, profile); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM presence WHERE seen < now() - interval '10 minutes'"); err != nil {
			return err
		}
		if !announce {
			return nil
		}
		return l.notify(ctx, tx, news{Presence: true})
	})
	if err != nil {
		return fmt.Errorf("aanwezigheid doorgeven: %w", err)
	}
	return nil
}

// startHeartbeat renews the presence of this handle until Close.
func (l *Library) startHeartbeat() {
	ctx, cancel := context.WithCancel(context.Background())
	l.heartbeat = cancel
	go func() {
		tick := time.NewTicker(PresenceEvery)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				beat, done := context.WithTimeout(ctx, 5*time.Second)
				_ = l.writePresence(beat, false) // an unreachable server: try again next beat
				done()
			}
		}
	}()
}
