// Package storage keeps the profile library in one SQLite file through the
// pure-Go driver modernc.org/sqlite: the schema and its numbered, embedded
// migrations, and the app.Store implementation. Every change is one
// transaction. A library is marked with our application_id, checked before
// anything is written into it, backed up daily, and checkpointed after every
// burst of changes; see docs/reliability.md.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"bcpeditor/app"
	"bcpeditor/storage/schema"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Library is an open profile library. It implements app.Store.
type Library struct {
	db       *sql.DB
	path     string
	readOnly bool
	// view is the read-only connection of a read-only library; tempDir a
	// private, upgraded copy it reads instead of the file.
	view    *readView
	tempDir string
	unlock  func()
	// warnings are Dutch sentences for the caller to show: opened, but
	// something needs attention (no backup today, say).
	warnings []string
	// Now gives the time stamped on changes; tests may replace it.
	Now func() time.Time

	cp      checkpointer
	busy    atomic.Bool // the last write found the library busy
	waitFor atomic.Int64
	damaged atomic.Bool // SQLite reported damage: nothing more is written
	closed  sync.Once
}

var _ app.Store = (*Library)(nil)

// ReadOnly reports whether the library was opened read-only.
func (l *Library) ReadOnly() bool { return l.readOnly }

// Warnings are Dutch sentences about the opening that the caller should
// show: the library opened, but something needs attention (no backup could
// be made today, say).
func (l *Library) Warnings() []string { return append([]string(nil), l.warnings...) }

// Path is the library's file.
func (l *Library) Path() string { return l.path }

// Close writes every change into the library file (so that the file alone
// holds them), closes the library and releases its lock. Closing twice is
// harmless.
func (l *Library) Close() error {
	var err error
	l.closed.Do(func() {
		l.stopCheckpoints()
		if !l.readOnly && !l.damaged.Load() {
			l.checkpoint(context.Background(), "TRUNCATE")
		}
		if l.view != nil {
			err = l.view.close()
		} else {
			err = l.db.Close()
		}
		if l.tempDir != "" {
			os.RemoveAll(l.tempDir)
		}
		if l.unlock != nil {
			l.unlock()
		}
	})
	return err
}

func migrations() ([]schema.Migration, error) {
	return schema.Read(migrationFiles, "migrations/*.sql")
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// migrate applies every migration above the library's user_version, each
// in its own transaction together with the new user_version and our
// application_id; a library of ours made before the application_id gets
// it. With backupFirst a library that has data is backed up before it is
// migrated, and not migrated when that fails.
func (l *Library) migrate(ctx context.Context, backupFirst bool) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var current int
	if err := l.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("schemaversie lezen: %w", dbError(err))
	}
	if current > len(ms) {
		return fmt.Errorf("%w: de bibliotheek heeft schemaversie %d, dit programma kent tot en met %d", ErrNewerLibrary, current, len(ms))
	}
	if backupFirst && current > 0 && current < len(ms) {
		if _, err := l.makeBackup(ctx, fmt.Sprintf("voor-migratie-%d", len(ms)), true); err != nil {
			return fmt.Errorf("de bibliotheek moet worden bijgewerkt, maar eerst een reservekopie maken lukte niet; er is niets gewijzigd: %w", err)
		}
	}
	for _, m := range ms[current:] {
		if err := l.inTx(ctx, func(tx *sql.Tx) error { return applyMigration(ctx, tx, m) }); err != nil {
			return fmt.Errorf("migratie %s toepassen: %w", m.Name, err)
		}
	}
	var appID int32
	if err := l.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("kenmerk van de bibliotheek lezen: %w", dbError(err))
	}
	if appID != ApplicationID {
		return l.inTx(ctx, markLibrary(ctx))
	}
	return nil
}

// applyMigration runs one migration unless another program (the command
// line beside the window) applied it first.
func applyMigration(ctx context.Context, tx *sql.Tx, m schema.Migration) error {
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v >= m.Version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Version)); err != nil {
		return err
	}
	return markLibrary(ctx)(tx)
}

// markLibrary writes our application_id into the header.
func markLibrary(ctx context.Context) func(tx *sql.Tx) error {
	return func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID))
		return err
	}
}

// inTx runs f in one transaction: committed when f returns nil, rolled
// back otherwise. Errors from SQLite become *DBError; a library found
// damaged is written no more; a committed change schedules the checkpoint.
func (l *Library) inTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	if l.readOnly {
		return fmt.Errorf("de bibliotheek is alleen-lezen geopend; wijzigingen worden niet opgeslagen: %w", ErrReadOnlyFile)
	}
	if l.damaged.Load() {
		return &DBError{Code: sqlite3.SQLITE_CORRUPT, Kind: ErrDamaged}
	}
	l.adjustBusyWait(ctx)
	err := l.note(runTx(ctx, l.db, f))
	if err == nil {
		l.changed()
	}
	return err
}

func runTx(ctx context.Context, db *sql.DB, f func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// note translates an error from SQLite and remembers what it says about
// the library: busy (the next writes wait less), or damaged (no more
// writes).
func (l *Library) note(err error) error {
	err = dbError(err)
	switch {
	case err == nil:
		l.busy.Store(false)
	case errors.Is(err, ErrBusy):
		l.busy.Store(true)
	case errors.Is(err, ErrDamaged):
		l.damaged.Store(true)
	}
	return err
}

// adjustBusyWait shortens the busy timeout while another program holds
// the library, so that each keystroke fails fast instead of freezing the
// window, and restores it once a write got through.
func (l *Library) adjustBusyWait(ctx context.Context) {
	want := BusyTimeout
	if l.busy.Load() {
		want = busyRetryTimeout
	}
	if l.waitFor.Load() == int64(want) {
		return
	}
	if _, err := l.db.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", want.Milliseconds())); err == nil {
		l.waitFor.Store(int64(want))
	}
}

func (l *Library) stamp() string { return l.Now().Format(time.RFC3339) }

// IntegrityCheck runs SQLite's integrity check and returns an error unless
// it says ok.
func (l *Library) IntegrityCheck(ctx context.Context) error {
	var res string
	if err := l.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("integriteit controleren: %w", l.note(err))
	}
	if res != "ok" {
		return fmt.Errorf("%w: %s", ErrDamaged, firstLine(res))
	}
	return nil
}

// Exclusive takes the window's lock on this library for a change that must
// not happen under an open window (merging into a profile it may be
// editing). It returns ErrInUse when a window has the library open.
func (l *Library) Exclusive() (func(), error) {
	return lockFile(l.path + ".lock")
}
