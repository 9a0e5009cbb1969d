package pg_test

import (
	"context"
	"crypto/x509"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"bcpeditor/app"
	"bcpeditor/storage/pg"
	"bcpeditor/storage/pg/pgtest"

	"github.com/jackc/pgx/v5/pgconn"
)

// Each cause gets its own Dutch sentence, told apart by SQLSTATE and error
// type; the driver's English never reaches the user.
func TestExplainTellsCausesApart(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&pgconn.PgError{Code: "28P01", Message: "password authentication failed"}, "wachtwoord"},
		{&pgconn.PgError{Code: "28000", Message: "no pg_hba.conf entry"}, "laat u niet toe"},
		{&pgconn.PgError{Code: "3D000", Message: "database does not exist"}, "bestaat niet"},
		{&pgconn.PgError{Code: "42501", Message: "permission denied"}, "databaserol mag"},
		{&pgconn.PgError{Code: "57P03", Message: "the database system is starting up"}, "start op"},
		{fmt.Errorf("verbinden: %w", x509.UnknownAuthorityError{}), "niet vertrouwd"},
		{fmt.Errorf("verbinden: %w", x509.HostnameError{Certificate: &x509.Certificate{}, Host: "db"}), "servernaam"},
		{fmt.Errorf("verbinden: %w", x509.CertificateInvalidError{Cert: &x509.Certificate{}, Reason: x509.Expired}), "verlopen"},
		{fmt.Errorf("x: %w", app.ErrNotALibrary), "geen BCP-bibliotheek"},
		{fmt.Errorf("x: %w", pg.ErrNeedsUpgrade), "bijgewerkt"},
		{fmt.Errorf("x: %w", pg.ErrNoSchema), "schema"},
		{&net.OpError{Op: "dial", Net: "tcp", Err: fmt.Errorf("connection refused")}, "niet bereikbaar"},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		msg := pg.Explain("postgres://jan@db/bcp", c.err)
		if !strings.Contains(msg, c.want) {
			t.Errorf("%v: %s", c.err, msg)
		}
		if seen[msg] {
			t.Errorf("two causes, one sentence: %s", msg)
		}
		seen[msg] = true
		for _, english := range []string{"failed", "denied", "does not exist", "refused", "starting up"} {
			if strings.Contains(msg, english) {
				t.Errorf("English in %q", msg)
			}
		}
	}
}

// Real failures against the test server: nobody listening, and TLS
// demanded from a server without it.
func TestExplainRealFailures(t *testing.T) {
	addr := pgtest.Server(t)
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	closed := url.URL{Scheme: "postgres", User: url.User("postgres"), Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), Path: "/postgres"}
	closed.RawQuery = url.Values{"connect_timeout": {"5"}}.Encode()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := pg.Open(ctx, closed.String())
	if msg := pg.Explain("x", err); !strings.Contains(msg, "niet bereikbaar") {
		t.Errorf("nobody listening: %s (%v)", msg, err)
	}
	if pgtest.Cluster(t) == nil {
		return // a given server may well speak TLS
	}
	u, _ := url.Parse(addr)
	q := u.Query()
	q.Set("sslmode", "require")
	u.RawQuery = q.Encode()
	_, err = pg.Open(ctx, u.String())
	if msg := pg.Explain("x", err); !strings.Contains(msg, "TLS") {
		t.Errorf("TLS demanded: %s (%v)", msg, err)
	}
	if _, err := pg.Open(ctx, "postgres://[::1"); !strings.Contains(pg.Explain("x", err), "adres") {
		t.Errorf("a broken address: %s", pg.Explain("x", err))
	}
}

// Stopping the server mid-session: the watch says the connection is lost,
// reconnects when the server is back, and says so; edits work again.
func TestReconnectAfterTheServerCameBack(t *testing.T) {
	cluster := pgtest.Killable(t)
	addr := pgtest.FreshOn(t, cluster.URL())
	lib, err := pg.Open(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	news, err := lib.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := cluster.Kill(ctx); err != nil {
		t.Fatal(err)
	}
	lost := waitFor(t, news, func(c app.StoreChange) bool { return c.Connection == app.ConnectionLost })
	if !strings.Contains(lost.Status, "verbroken") {
		t.Errorf("status: %s", lost.Status)
	}
	if err := cluster.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	back := waitFor(t, news, func(c app.StoreChange) bool { return c.Connection == app.ConnectionRestored })
	if !back.All || !strings.Contains(back.Status, "Weer verbonden") {
		t.Errorf("after reconnecting: %+v", back)
	}
	sums, err := lib.ListProfiles(ctx)
	if err != nil || len(sums) == 0 {
		t.Fatalf("the library after the restart: %v", err)
	}
	p, err := lib.LoadProfile(ctx, sums[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.NewEditor(ctx, lib, p).SetField(p.Elements()[0].ID, app.FieldTitle, "Na de herstart"); err != nil {
		t.Errorf("edit after the restart: %v", err)
	}
}

// The server goes away between opening the library and watching it (a
// window that is still starting): the watch says the connection is lost
// and reconnects, instead of giving up on following others' changes.
func TestWatchStartedWhileTheServerIsAway(t *testing.T) {
	cluster := pgtest.Killable(t)
	addr := pgtest.FreshOn(t, cluster.URL())
	lib, err := pg.Open(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := cluster.Kill(ctx); err != nil {
		t.Fatal(err)
	}
	news, err := lib.Watch(ctx)
	if err != nil {
		t.Fatalf("watching while the server is away: %v", err)
	}
	waitFor(t, news, func(c app.StoreChange) bool { return c.Connection == app.ConnectionLost })
	if err := cluster.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor(t, news, func(c app.StoreChange) bool { return c.Connection == app.ConnectionRestored })
}
