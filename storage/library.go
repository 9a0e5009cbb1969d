// Package storage keeps the profile library in one SQLite file through the
// pure-Go driver modernc.org/sqlite: the schema and its numbered, embedded
// migrations, and the app.Store implementation. Every change is one
// transaction.
package storage

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"bcpeditor/app"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Library is an open profile library. It implements app.Store.
type Library struct {
	db       *sql.DB
	path     string
	readOnly bool
	unlock   func()
	// Now gives the time stamped on changes; tests may replace it.
	Now func() time.Time
}

var _ app.Store = (*Library)(nil)

// ErrNewerLibrary is returned by Open for a library written by a newer
// version of the program.
var ErrNewerLibrary = app.ErrLibraryNewer

// ErrNotALibrary is returned by Open for a file that is not SQLite at all.
var ErrNotALibrary = app.ErrNotALibrary

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Options change how a library is opened.
type Options struct {
	// ReadOnly opens without writing anything: no migrations, no backups,
	// every change refused.
	ReadOnly bool
	// Exclusive takes the library's lock, so that a second window on the
	// same library is told it is open elsewhere (ErrInUse).
	Exclusive bool
}

// ErrInUse is returned by an exclusive Open when another program holds the
// library.
var ErrInUse = app.ErrLibraryInUse

// ErrReadOnlyFile is returned when the library file cannot be written.
var ErrReadOnlyFile = app.ErrLibraryReadOnly

// ErrDamaged is returned for a library whose pages are damaged.
var ErrDamaged = app.ErrLibraryDamaged

// Open opens (or creates) the library at path for reading and writing,
// applies pending migrations (after a backup) and makes the daily backup.
// A file that is not a library, a damaged one, or one from a newer program
// is refused and left untouched.
func Open(ctx context.Context, path string) (*Library, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith opens the library at path with options.
func OpenWith(ctx context.Context, path string, opt Options) (*Library, error) {
	if err := checkFile(path); err != nil {
		return nil, err
	}
	_, statErr := os.Stat(path)
	existed := statErr == nil
	if opt.ReadOnly {
		if !existed {
			return nil, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
		}
		return openReadOnly(ctx, path)
	}
	if existed {
		if f, err := os.OpenFile(path, os.O_RDWR, 0); err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return nil, fmt.Errorf("%s: %w", path, ErrReadOnlyFile)
			}
			return nil, fmt.Errorf("bibliotheek %s openen: %w", path, err)
		} else {
			f.Close()
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("map voor de bibliotheek aanmaken: %w", err)
	}
	var unlock func()
	if opt.Exclusive {
		u, err := lockFile(path + ".lock")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		unlock = u
	}
	dsn := path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		if unlock != nil {
			unlock()
		}
		return nil, fmt.Errorf("bibliotheek %s openen: %w", path, err)
	}
	// One connection: the desktop program is the only writer in this
	// process, and pragmas then hold for everything it does.
	db.SetMaxOpenConns(1)
	l := &Library{db: db, path: path, Now: time.Now, unlock: unlock}
	fail := func(err error) (*Library, error) {
		l.Close()
		return nil, err
	}
	if existed {
		if err := l.quickCheck(ctx); err != nil {
			return fail(err)
		}
	}
	if err := l.migrate(ctx); err != nil {
		return fail(err)
	}
	if existed {
		if err := l.dailyBackup(ctx); err != nil {
			return fail(err)
		}
	}
	return l, nil
}

// openReadOnly opens an existing library without writing to it.
func openReadOnly(ctx context.Context, path string) (*Library, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(abs)+"?mode=ro&_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return nil, fmt.Errorf("bibliotheek %s openen: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	l := &Library{db: db, path: path, Now: time.Now, readOnly: true}
	if err := l.quickCheck(ctx); err != nil {
		l.Close()
		return nil, err
	}
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		l.Close()
		return nil, fmt.Errorf("schemaversie lezen: %w", err)
	}
	if v != SchemaVersion() {
		l.Close()
		if v > SchemaVersion() {
			return nil, fmt.Errorf("%w: de bibliotheek heeft schemaversie %d, dit programma kent tot en met %d", ErrNewerLibrary, v, SchemaVersion())
		}
		return nil, fmt.Errorf("de bibliotheek heeft schemaversie %d en moet eerst worden bijgewerkt; open hem gewoon (niet alleen-lezen)", v)
	}
	return l, nil
}

// quickCheck refuses a damaged library.
func (l *Library) quickCheck(ctx context.Context) error {
	var res string
	err := l.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res)
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "not a database") {
			return fmt.Errorf("%s: %w", l.path, ErrNotALibrary)
		}
		if strings.Contains(msg, "malformed") || strings.Contains(msg, "corrupt") {
			return fmt.Errorf("%s: %w", l.path, ErrDamaged)
		}
		if strings.Contains(msg, "locked") || strings.Contains(msg, "busy") {
			return fmt.Errorf("%s: %w", l.path, ErrInUse)
		}
		return fmt.Errorf("bibliotheek %s controleren: %w", l.path, err)
	}
	if res != "ok" {
		return fmt.Errorf("%s: %w (%s)", l.path, ErrDamaged, res)
	}
	return nil
}

// ReadOnly reports whether the library was opened read-only.
func (l *Library) ReadOnly() bool { return l.readOnly }

// checkFile refuses an existing file that does not start like SQLite.
func checkFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("bibliotheek %s openen: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF) {
		return nil // an empty file: SQLite makes a library of it
	}
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return fmt.Errorf("%s: %w", path, ErrNotALibrary)
	}
	return nil
}

// Path is the library's file.
func (l *Library) Path() string { return l.path }

// Close closes the library and releases its lock.
func (l *Library) Close() error {
	err := l.db.Close()
	if l.unlock != nil {
		l.unlock()
		l.unlock = nil
	}
	return err
}

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, n := range names {
		base := filepath.Base(n)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migratie %s heeft geen nummer", base)
		}
		data, err := migrationFiles.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: base, sql: string(data)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migraties zijn niet doorlopend genummerd bij %s", m.name)
		}
	}
	return out, nil
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// migrate applies every migration above the library's user_version, each
// in its own transaction together with the new user_version.
func (l *Library) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var current int
	if err := l.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		if strings.Contains(err.Error(), "not a database") {
			return fmt.Errorf("%s: %w", l.path, ErrNotALibrary)
		}
		return fmt.Errorf("schemaversie lezen: %w", err)
	}
	if current > len(ms) {
		return fmt.Errorf("%w: de bibliotheek heeft schemaversie %d, dit programma kent tot en met %d", ErrNewerLibrary, current, len(ms))
	}
	if current > 0 && current < len(ms) {
		if _, err := l.MakeBackup(ctx, fmt.Sprintf("voor-migratie-%d", len(ms))); err != nil {
			return err
		}
	}
	for _, m := range ms[current:] {
		if err := l.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		}); err != nil {
			return fmt.Errorf("migratie %s toepassen: %w", m.name, err)
		}
	}
	return nil
}

// inTx runs f in one transaction: committed when f returns nil, rolled
// back otherwise.
func (l *Library) inTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	if l.readOnly {
		return fmt.Errorf("de bibliotheek is alleen-lezen geopend; wijzigingen worden niet opgeslagen: %w", ErrReadOnlyFile)
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func (l *Library) stamp() string { return l.Now().Format(time.RFC3339) }

// IntegrityCheck runs SQLite's integrity check and returns an error unless
// it says ok.
func (l *Library) IntegrityCheck(ctx context.Context) error {
	var res string
	if err := l.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("integriteit controleren: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("de bibliotheek is beschadigd: %s", res)
	}
	return nil
}

// Exclusive takes the window's lock on this library for a change that must
// not happen under an open window (merging into a profile it may be
// editing). It returns ErrInUse when a window has the library open.
func (l *Library) Exclusive() (func(), error) {
	return lockFile(l.path + ".lock")
}
