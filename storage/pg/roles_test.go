package pg_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/storage/pg"
	"bcpeditor/storage/pg/pgtest"
)

// ensureGroups makes the team's group roles as the README does (they are
// shared by the whole test server).
func ensureGroups(t *testing.T, addr string) {
	exec(t, addr, `DO $$ BEGIN
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bcpeditor_ontwerper') THEN CREATE ROLE bcpeditor_ontwerper NOLOGIN; END IF;
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bcpeditor_lezer') THEN CREATE ROLE bcpeditor_lezer NOLOGIN; END IF;
	END $$`)
}

// as is addr with another user (the test server trusts local users).
func as(t *testing.T, addr, user string) string {
	u, err := url.Parse(addr)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(user)
	return u.String()
}

// loginRole makes a login role in a group, dropped after the test.
func loginRole(t *testing.T, addr, group string) string {
	name := "r_" + strings.ReplaceAll(app.NewID(), "-", "")[:12]
	exec(t, addr, "CREATE ROLE "+name+" LOGIN IN ROLE "+group)
	t.Cleanup(func() { exec(t, addr, "DROP OWNED BY "+name+"; DROP ROLE "+name) })
	return name
}

// A designer's own role reads and writes; a reviewer's role gets a
// read-only library that refuses every change but may say where it is.
func TestRolesDecideWhoMayWrite(t *testing.T) {
	addr := pgtest.Fresh(t)
	ensureGroups(t, addr)
	owner, err := pg.Open(context.Background(), addr) // the administrator sets the library up
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	sums, _ := owner.ListProfiles(context.Background())
	ctx := context.Background()

	designer, err := pg.Open(ctx, as(t, addr, loginRole(t, addr, "bcpeditor_ontwerper")))
	if err != nil {
		t.Fatalf("designer: %v", err)
	}
	defer designer.Close()
	if designer.ReadOnly() {
		t.Fatal("a designer's role got a read-only library")
	}
	p, _ := designer.LoadProfile(ctx, sums[0].ID)
	ed := app.NewEditor(ctx, designer, p)
	if err := ed.SetField(p.Elements()[0].ID, app.FieldTitle, "Door de ontwerper"); err != nil {
		t.Fatalf("designer edit: %v", err)
	}

	reviewer, err := pg.Open(ctx, as(t, addr, loginRole(t, addr, "bcpeditor_lezer")))
	if err != nil {
		t.Fatalf("reviewer: %v", err)
	}
	defer reviewer.Close()
	if !reviewer.ReadOnly() {
		t.Fatal("a reviewer's role got a library it may write")
	}
	p, _ = reviewer.LoadProfile(ctx, sums[0].ID)
	ed = app.NewEditor(ctx, reviewer, p)
	if err := ed.SetField(p.Elements()[0].ID, app.FieldTitle, "Door de lezer"); !errors.Is(err, app.ErrLibraryReadOnly) {
		t.Errorf("a reviewer's edit: %v", err)
	}
	if err := reviewer.SetPresent(ctx, sums[0].ID); err != nil {
		t.Errorf("a reviewer may say where they are: %v", err)
	}
	if others, _ := designer.Others(ctx, sums[0].ID); len(others) != 1 || others[0] != reviewer.Who() {
		t.Errorf("the designer does not see the reviewer: %v", others)
	}
}

// A role without any rights is told so, and nothing is changed.
func TestARoleWithoutRightsIsToldSo(t *testing.T) {
	addr := pgtest.Fresh(t)
	openEmpty(t, addr).Close()
	name := loginRole(t, addr, "pg_read_server_files") // a group that gives no rights on the library
	u, _ := url.Parse(addr)
	schema := u.Query().Get("search_path")
	exec(t, addr, "GRANT USAGE ON SCHEMA "+schema+" TO "+name)
	_, err := pg.Open(context.Background(), as(t, addr, name))
	if err == nil {
		t.Fatal("a role without rights opened the library")
	}
	if msg := pg.Explain("x", err); !strings.Contains(msg, "databaserol mag") {
		t.Errorf("explanation: %s (%v)", msg, err)
	}
}
