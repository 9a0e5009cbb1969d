// Package pg keeps the profile library in PostgreSQL: the team library that
// several designers edit at once, through the pure-Go driver pgx. It keeps
// the same contract as the SQLite library of package storage (the suite in
// storage/storetest runs against both), and also reports what others
// change (app.Watcher, with LISTEN/NOTIFY) and who has which profile open
// (app.Presence). The schema lives in numbered, embedded migrations; a
// marker table, bcpeditor_meta, names the database as a BCP library, so
// that a foreign database is refused untouched.
//
// Connection strings are parsed by pgx (URL or key=value form). Passwords
// never come from the program's preferences: pgx reads them from the
// connection string, PGPASSWORD, ~/.pgpass and service files, and honours
// sslmode=verify-full with sslrootcert.
package pg

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"bcpeditor/app"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Options change how a team library is opened.
type Options struct {
	// ReadOnly opens without writing anything: every transaction is
	// read-only, nothing is migrated or seeded, and no presence is kept.
	ReadOnly bool
	// NoSeed leaves out the bundled profiles (for tests that want an
	// empty library).
	NoSeed bool
}

// Library is an open team library. It implements app.Store, app.Watcher,
// app.Presence and app.ReadOnlyStore.
type Library struct {
	pool    *pgxpool.Pool
	cfg     *pgxpool.Config
	schema  string
	channel string // LISTEN/NOTIFY channel of this library
	session string // this handle, so that its own changes are not news
	who     string // the designer's database role
	// readOnly: opened read-only or by a role that may only read.
	readOnly bool
	// Now gives the time stamped on changes; tests may replace it.
	Now func() time.Time

	presence  sync.Mutex
	present   string // the profile this handle has open
	heartbeat context.CancelFunc
}

var (
	_ app.Store         = (*Library)(nil)
	_ app.Watcher       = (*Library)(nil)
	_ app.Presence      = (*Library)(nil)
	_ app.ReadOnlyStore = (*Library)(nil)
)

// ErrNeedsUpgrade is returned when the library's schema is older than this
// program and the role that opens it may not bring it up to date.
var ErrNeedsUpgrade = errors.New("de teambibliotheek moet eerst worden bijgewerkt")

// Open connects to the team library at connString; see OpenWith.
func Open(ctx context.Context, connString string) (*Library, error) {
	return OpenWith(ctx, connString, Options{})
}

// OpenWith connects to the team library at connString (a postgres:// URL or
// key=value pairs), checks that the database is a BCP library (or empty),
// brings its schema up to date and offers it the bundled profiles. A
// foreign database, one from a newer program, or one the role may not read
// is refused and left untouched.
func OpenWith(ctx context.Context, connString string, opt Options) (*Library, error) {
	cfg, err := config(connString, opt)
	if err != nil {
		return nil, err
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("teambibliotheek openen: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("verbinden met de teambibliotheek: %w", err)
	}
	l := &Library{pool: pool, cfg: cfg, session: app.NewID(), readOnly: opt.ReadOnly, Now: time.Now}
	if err := l.prepare(ctx, opt.ReadOnly); err != nil {
		pool.Close()
		return nil, err
	}
	if !l.readOnly && !opt.NoSeed {
		if err := l.seedBundled(ctx); err != nil {
			pool.Close()
			return nil, err
		}
	}
	if !opt.ReadOnly {
		l.startHeartbeat()
	}
	return l, nil
}

// config parses the connection string and sets what the program needs.
func config(connString string, opt Options) (*pgxpool.Config, error) {
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		return nil, fmt.Errorf("adres van de teambibliotheek lezen: %w", err)
	}
	cc := cfg.ConnConfig
	if cc.ConnectTimeout == 0 {
		cc.ConnectTimeout = 10 * time.Second
	}
	if _, ok := cc.RuntimeParams["application_name"]; !ok {
		cc.RuntimeParams["application_name"] = "BCP Editor"
	}
	if opt.ReadOnly {
		cc.RuntimeParams["default_transaction_read_only"] = "on"
	}
	if cfg.MaxConns > 4 {
		cfg.MaxConns = 4 // one window: a few at once is plenty
	}
	cfg.HealthCheckPeriod = 5 * time.Second
	return cfg, nil
}

// ReadOnly reports whether every change is refused: opened read-only, or
// the role may only read.
func (l *Library) ReadOnly() bool { return l.readOnly }

// Who is the database role the library was opened as.
func (l *Library) Who() string { return l.who }

// Schema is the schema the library lives in.
func (l *Library) Schema() string { return l.schema }

// Close ends the presence of this handle and closes the connections.
func (l *Library) Close() error {
	if l.heartbeat != nil {
		l.heartbeat()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_, _ = l.pool.Exec(ctx, "DELETE FROM presence WHERE session_id = $1", l.session)
		cancel()
	}
	l.pool.Close()
	return nil
}

// errReadOnly is what a change to a read-only library gives.
func errReadOnly() error {
	return fmt.Errorf("u kunt de teambibliotheek alleen lezen; wijzigingen worden niet opgeslagen: %w", app.ErrLibraryReadOnly)
}

// inTx runs f in one transaction that ends with the notification of what
// changed: committed when f returns nil, rolled back otherwise. When the
// connection turns out to be broken before the commit (the server was
// restarted), the pool's old connections are dropped and it runs once
// more: the server rolled the broken transaction back.
func (l *Library) inTx(ctx context.Context, f func(tx pgx.Tx) (news, error)) error {
	if l.readOnly {
		return errReadOnly()
	}
	attempt := func() (beforeCommit bool, err error) {
		tx, err := l.pool.Begin(ctx)
		if err != nil {
			return true, err
		}
		defer tx.Rollback(ctx)
		n, err := f(tx)
		if err == nil {
			err = l.notify(ctx, tx, n)
		}
		if err != nil {
			return true, err
		}
		return false, tx.Commit(ctx)
	}
	again, err := attempt()
	if err != nil && again && l.dropBroken(ctx, err) {
		_, err = attempt()
	}
	return offline(refusedWrite(err))
}

// inReadTx gives a consistent snapshot for reads, read again on fresh
// connections when the old one turned out to be broken.
func (l *Library) inReadTx(ctx context.Context, f func(tx pgx.Tx) error) error {
	read := func() error {
		return pgx.BeginTxFunc(ctx, l.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, f)
	}
	err := read()
	if err != nil && l.dropBroken(ctx, err) {
		err = read()
	}
	return offline(err)
}

// dropBroken drops the pool's connections when err says the one used was
// broken; it reports whether it did (and a second try makes sense).
func (l *Library) dropBroken(ctx context.Context, err error) bool {
	if ctx.Err() != nil || !brokenConn(err) {
		return false
	}
	l.pool.Reset()
	return true
}

// brokenConn: the connection broke (the server went away), as opposed to
// the server refusing what was asked.
func brokenConn(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return strings.EqualFold(pe.Severity, "FATAL") || strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "57P")
	}
	var ne net.Error
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &ne) || pgconn.SafeToRetry(err)
}

// unreachableError is a library that could not be reached for a read or a
// change: nothing was stored.
type unreachableError struct{ err error }

func (e *unreachableError) Error() string {
	return "De teambibliotheek is niet bereikbaar; er is niets opgeslagen. De BCP Editor verbindt opnieuw zodra de server terug is."
}

func (e *unreachableError) Unwrap() []error { return []error{app.ErrLibraryUnreachable, e.err} }

// offline marks an error of an unreachable server as such.
func offline(err error) error {
	if err != nil && (brokenConn(err) || isUnreachable(err)) {
		return &unreachableError{err}
	}
	return err
}

// refusedWrite turns a refusal for lack of rights into ErrLibraryReadOnly.
func refusedWrite(err error) error {
	if code(err) == "42501" || code(err) == "25006" { // insufficient_privilege, read_only_sql_transaction
		return fmt.Errorf("u mag de teambibliotheek niet wijzigen (alleen lezen): %w: %w", app.ErrLibraryReadOnly, err)
	}
	return err
}

// code is the SQLSTATE of a PostgreSQL error ("" for other errors).
func code(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// isUnique reports a unique_violation.
func isUnique(err error) bool { return code(err) == "23505" }

func (l *Library) stamp() string { return l.Now().Format(time.RFC3339) }
