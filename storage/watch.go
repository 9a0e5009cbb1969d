package storage

import (
	"context"
	"fmt"
	"time"

	"bcpeditor/app"
)

// WatchInterval is how often Watch looks whether another program changed
// the library.
var WatchInterval = time.Second

var _ app.Watcher = (*Library)(nil)

// Watch reports changes other programs make to the library file — the
// command line adding a profile while a window has the library open — by
// reading SQLite's data_version once every WatchInterval. It cannot tell
// what changed: each report says to read everything again. This program's
// own changes are not reported. The channel closes when ctx ends; the
// caller ends it before closing the library.
func (l *Library) Watch(ctx context.Context) (<-chan app.StoreChange, error) {
	last, err := l.dataVersion(ctx)
	if err != nil {
		return nil, fmt.Errorf("bibliotheek volgen: %w", err)
	}
	out := make(chan app.StoreChange, 1)
	go func() {
		defer close(out)
		tick := time.NewTicker(WatchInterval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			v, err := l.dataVersion(ctx)
			if err != nil || v == last {
				continue // a closed or busy library: look again later
			}
			last = v
			select {
			case out <- app.StoreChange{All: true}:
			default: // one report waiting already says it all
			}
		}
	}()
	return out, nil
}

// dataVersion changes whenever another connection commits a change to the
// file (this program holds one connection, so its own do not count).
func (l *Library) dataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := l.db.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
	return v, err
}
