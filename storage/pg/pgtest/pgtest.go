// Package pgtest gives tests a PostgreSQL server: the one BCPEDITOR_PG_URL
// names, or a throw-away cluster started for the test binary when
// PostgreSQL is installed (see pgcluster). Without either, tests that need
// one are skipped with a message — unless BCPEDITOR_PG_REQUIRED=1 (as in
// CI), when they fail. Each test gets a fresh, empty schema of its own.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"bcpeditor/app"
	"bcpeditor/storage/pg/pgcluster"

	"github.com/jackc/pgx/v5"
)

// The environment variables the tests read.
const (
	EnvURL      = "BCPEDITOR_PG_URL"
	EnvRequired = "BCPEDITOR_PG_REQUIRED"
)

var (
	once     sync.Once
	base     string
	cluster  *pgcluster.Cluster
	setupErr error

	// A cluster of the test binary's own that tests may stop and start,
	// also when the others use BCPEDITOR_PG_URL (a shared server must not
	// go away under other packages' tests).
	ownOnce sync.Once
	own     *pgcluster.Cluster
	ownErr  error
)

// Main runs the package's tests and stops a cluster started for them.
func Main(m *testing.M) {
	code := m.Run()
	if cluster != nil {
		cluster.Stop()
	}
	if own != nil && own != cluster {
		own.Stop()
	}
	os.Exit(code)
}

// Server returns the address of the test server (a postgres:// URL with a
// superuser or a role that may create schemas), skipping or failing the
// test when there is none.
func Server(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		if u := os.Getenv(EnvURL); u != "" {
			base = u
			return
		}
		if _, ok := pgcluster.Binaries(); !ok {
			setupErr = fmt.Errorf("PostgreSQL is niet geïnstalleerd en %s is niet gezet", EnvURL)
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cluster, setupErr = pgcluster.Start(ctx)
		if setupErr == nil {
			base = cluster.URL()
		}
	})
	if setupErr != nil {
		if os.Getenv(EnvRequired) == "1" {
			t.Fatalf("geen PostgreSQL voor de tests (%s=1): %v", EnvRequired, setupErr)
		}
		t.Skipf("geen PostgreSQL voor deze test: %v (zet %s of installeer PostgreSQL)", setupErr, EnvURL)
	}
	return base
}

// Cluster is the cluster started for this test binary; nil when the tests
// use BCPEDITOR_PG_URL (the server cannot then be stopped by a test).
func Cluster(t testing.TB) *pgcluster.Cluster {
	Server(t)
	return cluster
}

// Killable is a cluster of this test binary's own, which the test may
// kill and start again: the one Server started, or else one started for
// it. Without PostgreSQL installed the test is skipped (or fails when
// BCPEDITOR_PG_REQUIRED=1).
func Killable(t testing.TB) *pgcluster.Cluster {
	t.Helper()
	if c := Cluster(t); c != nil {
		return c
	}
	ownOnce.Do(func() {
		if _, ok := pgcluster.Binaries(); !ok {
			ownErr = fmt.Errorf("PostgreSQL (initdb, pg_ctl) is niet geïnstalleerd")
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		own, ownErr = pgcluster.Start(ctx)
	})
	if ownErr != nil {
		if os.Getenv(EnvRequired) == "1" {
			t.Fatalf("geen eigen PostgreSQL om te stoppen en te starten (%s=1): %v", EnvRequired, ownErr)
		}
		t.Skipf("geen eigen PostgreSQL om te stoppen en te starten: %v", ownErr)
	}
	return own
}

// Fresh makes a new, empty schema for the test (dropped afterwards) and
// returns the server's address with that schema as search_path.
func Fresh(t testing.TB) string {
	t.Helper()
	return FreshOn(t, Server(t))
}

// FreshOn is Fresh on the server at addr.
func FreshOn(t testing.TB, addr string) string {
	t.Helper()
	name := "t_" + strings.ReplaceAll(app.NewID(), "-", "")[:16]
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, addr)
	if err != nil {
		t.Fatalf("verbinden met de testserver: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("schema voor de test maken: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, addr)
		if err != nil {
			return // the server is gone: the schema goes with the cluster
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{name}.Sanitize()+" CASCADE")
	})
	return WithSchema(t, addr, name)
}

// WithSchema is addr with search_path set to schema, built with net/url.
func WithSchema(t testing.TB, addr, schema string) string {
	t.Helper()
	u, err := url.Parse(addr)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s moet een postgres://-adres zijn", EnvURL)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
