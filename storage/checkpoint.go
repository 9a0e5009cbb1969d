package storage

import (
	"context"
	"fmt"
	"sync"
	"time"

	sqlite3 "modernc.org/sqlite/lib"
)

// Checkpoints: a change is committed into the -wal file next to the library
// (that is what makes it safe against a crash at once). A checkpoint copies
// the -wal into the library file itself, so that the file alone — copied to
// a stick or a cloud folder while the program runs — holds every
// acknowledged change. The library does this after every burst of changes,
// once CheckpointDelay has passed without one, and on Close.

// CheckpointDelay is the quiet time after the last change before the
// library checkpoints.
var CheckpointDelay = 2 * time.Second

// checkpointer schedules the checkpoint after a burst of changes.
type checkpointer struct {
	mu      sync.Mutex
	timer   *time.Timer
	stopped bool
}

// changed (re)starts the quiet-time timer after a committed change.
func (l *Library) changed() {
	l.cp.mu.Lock()
	defer l.cp.mu.Unlock()
	if l.cp.stopped {
		return
	}
	if l.cp.timer == nil {
		l.cp.timer = time.AfterFunc(CheckpointDelay, l.idleCheckpoint)
		return
	}
	l.cp.timer.Reset(CheckpointDelay)
}

// idleCheckpoint runs when the library has been quiet. A checkpoint that
// cannot finish (a reader in another program) is tried again after the
// next change, and on Close.
func (l *Library) idleCheckpoint() {
	l.cp.mu.Lock()
	defer l.cp.mu.Unlock()
	if l.cp.stopped {
		return
	}
	l.checkpoint(context.Background(), "PASSIVE")
}

// stopCheckpoints stops the timer and waits for a running checkpoint.
func (l *Library) stopCheckpoints() {
	l.cp.mu.Lock()
	defer l.cp.mu.Unlock()
	l.cp.stopped = true
	if l.cp.timer != nil {
		l.cp.timer.Stop()
	}
}

// Checkpoint copies every committed change from the -wal file into the
// library file now, without waiting for other programs' readers. It
// returns an error wrapping ErrBusy when a reader in another program kept
// part of the changes in the -wal file (they are safe there; the next
// checkpoint copies them).
func (l *Library) Checkpoint(ctx context.Context) error {
	if l.readOnly {
		return nil
	}
	return l.checkpoint(ctx, "PASSIVE")
}

// checkpoint runs one checkpoint of the given mode (PASSIVE copies what it
// can; TRUNCATE also waits for readers and empties the -wal file).
func (l *Library) checkpoint(ctx context.Context, mode string) error {
	var busy, logFrames, copied int
	err := l.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint("+mode+")").Scan(&busy, &logFrames, &copied)
	if err != nil {
		return fmt.Errorf("wijzigingen in het bibliotheekbestand schrijven: %w", l.note(err))
	}
	if busy != 0 || copied < logFrames {
		return fmt.Errorf("wijzigingen in het bibliotheekbestand schrijven: %w", &DBError{Code: sqlite3.SQLITE_BUSY, Kind: ErrBusy})
	}
	return nil
}
