package pg_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"bcpeditor/app"
	"bcpeditor/storage/pg"
	"bcpeditor/storage/pg/pgtest"

	"github.com/jackc/pgx/v5"
)

// exec runs SQL on the test server as the superuser, in the schema of addr.
func exec(t *testing.T, addr, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func count(t *testing.T, addr, sql string) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, sql).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// A database holding other tables is refused and left as it was: nothing
// is created in it.
func TestForeignDatabaseIsRefusedUntouched(t *testing.T) {
	addr := pgtest.Fresh(t)
	exec(t, addr, "CREATE TABLE klanten (id int PRIMARY KEY, naam text); INSERT INTO klanten VALUES (1, 'Jansen')")
	_, err := pg.Open(context.Background(), addr)
	if !errors.Is(err, app.ErrNotALibrary) {
		t.Fatalf("a foreign database was not refused: %v", err)
	}
	msg := pg.Location{Address: addr}.Explain(err).Message
	if !strings.Contains(msg, "geen BCP-bibliotheek") || !strings.Contains(msg, "niets gewijzigd") {
		t.Errorf("explanation: %s", msg)
	}
	if n := count(t, addr, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"); n != 1 {
		t.Errorf("the foreign database now has %d tables", n)
	}
	// A marker of another program is refused as well.
	other := pgtest.Fresh(t)
	exec(t, other, "CREATE TABLE bcpeditor_meta (key text PRIMARY KEY, value text); INSERT INTO bcpeditor_meta VALUES ('toepassing', 'iets anders')")
	if _, err := pg.Open(context.Background(), other); !errors.Is(err, app.ErrNotALibrary) {
		t.Errorf("a marker of another program was accepted: %v", err)
	}
}

// A library from a newer program is refused untouched.
func TestNewerLibraryIsRefused(t *testing.T) {
	addr := pgtest.Fresh(t)
	openEmpty(t, addr).Close()
	exec(t, addr, "UPDATE bcpeditor_meta SET value = '99' WHERE key = 'schemaversie'")
	_, err := pg.Open(context.Background(), addr)
	if !errors.Is(err, app.ErrLibraryNewer) {
		t.Fatalf("a newer library was not refused: %v", err)
	}
	if msg := pg.Explain("x", err); !strings.Contains(msg, "nieuwere versie") {
		t.Errorf("explanation: %s", msg)
	}
}

// Opening a new library: the schema and the bundled profiles, once, also
// when several designers open it at the same moment.
func TestOpeningTogetherSeedsOnce(t *testing.T) {
	addr := pgtest.Fresh(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lib, err := pg.Open(context.Background(), addr)
			if err == nil {
				lib.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, addr, "SELECT count(*) FROM profiles"); n != 3 {
		t.Errorf("%d profiles after seeding, want the 3 bundled ones", n)
	}
	if n := count(t, addr, "SELECT count(*) FROM competentie_mapping"); n == 0 {
		t.Errorf("the bundled mappings were not seeded")
	}
}

// The password never shows in the address as users read it.
func TestLocationHidesThePassword(t *testing.T) {
	l := pg.Location{Address: "postgres://jan:geheim@db.example.nl:5432/bcp?sslmode=verify-full"}
	if s := l.String(); strings.Contains(s, "geheim") || !strings.Contains(s, "jan@db.example.nl") {
		t.Errorf("String() = %s", s)
	}
	kv := pg.Location{Address: "host=db.example.nl user=jan password=geheim dbname=bcp"}
	if s := kv.String(); strings.Contains(s, "geheim") || !strings.Contains(s, "db.example.nl") {
		t.Errorf("String() = %s", s)
	}
	for s, want := range map[string]bool{"postgres://x/y": true, "POSTGRESQL://x/y": true, "/home/jan/bib.sqlite": false, "C:\\bib.sqlite": false, "bib.sqlite": false} {
		if pg.IsAddress(s) != want {
			t.Errorf("IsAddress(%q) = %v", s, !want)
		}
	}
}

// Presence: who else has a profile open, and the news of it.
func TestPresence(t *testing.T) {
	addr := pgtest.Fresh(t)
	a, b := openEmpty(t, addr), openEmpty(t, addr)
	defer a.Close()
	defer b.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	news, err := b.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetPresent(ctx, "profiel-1"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, news, func(c app.StoreChange) bool { return c.Presence })
	others, err := b.Others(ctx, "profiel-1")
	if err != nil || len(others) != 1 || others[0] != a.Who() {
		t.Fatalf("others on the profile: %v, %v", others, err)
	}
	if mine, _ := a.Others(ctx, "profiel-1"); len(mine) != 0 {
		t.Errorf("a window counts itself: %v", mine)
	}
	a.SetPresent(ctx, "")
	if others, _ := b.Others(ctx, "profiel-1"); len(others) != 0 {
		t.Errorf("still present after closing the profile: %v", others)
	}
}

// waitFor reads changes until one satisfies ok (10 s at most).
func waitFor(t *testing.T, ch <-chan app.StoreChange, ok func(app.StoreChange) bool) app.StoreChange {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case c, open := <-ch:
			if !open {
				t.Fatal("the watch ended")
			}
			if ok(c) {
				return c
			}
		case <-deadline:
			t.Fatal("nothing reported within 10 s")
		}
	}
}
