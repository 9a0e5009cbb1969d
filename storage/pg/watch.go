package pg

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"bcpeditor/app"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// What others change reaches open windows through LISTEN/NOTIFY: every
// change transaction ends with pg_notify on the library's channel, naming
// the profiles it changed and the handle that made it; Watch listens on a
// connection of its own, gathers what comes in quick succession, and
// reconnects when the server goes away.

// news is what a change transaction tells the other programs.
type news struct {
	Session  string   `json:"s"`
	Profiles []string `json:"p,omitempty"`
	List     bool     `json:"l,omitempty"`
	All      bool     `json:"a,omitempty"`
	Presence bool     `json:"w,omitempty"`
}

func (n news) empty() bool { return len(n.Profiles) == 0 && !n.List && !n.All && !n.Presence }

// maxPayload stays under PostgreSQL's 8000-byte limit for a notification.
const maxPayload = 7000

// notify tells the other programs what the transaction changed; it is
// sent when the transaction commits, and not at all when it rolls back.
func (l *Library) notify(ctx context.Context, tx pgx.Tx, n news) error {
	if n.empty() {
		return nil
	}
	n.Session = l.session
	payload, err := json.Marshal(n)
	if err != nil {
		return err
	}
	if len(payload) > maxPayload {
		payload, _ = json.Marshal(news{Session: l.session, All: true})
	}
	_, err = tx.Exec(ctx, "SELECT pg_notify($1, $2)", l.channel, string(payload))
	return err
}

// Timing of the watch; tests may shorten them.
var (
	// gather is how long Watch goes on collecting after a first
	// notification, so that a burst arrives as one change.
	gather = 50 * time.Millisecond
	// PresenceEvery is how often presence is renewed and re-read.
	PresenceEvery = 10 * time.Second
	// presenceTimeout is how long a window counts as present without a
	// heartbeat.
	presenceTimeout = 30 * time.Second
)

// The statuses a watch reports.
const (
	statusLost     = "De verbinding met de teambibliotheek is verbroken. De BCP Editor verbindt opnieuw; tot dan worden wijzigingen niet opgeslagen."
	statusRestored = "Weer verbonden met de teambibliotheek; wat anderen intussen wijzigden is ingelezen."
)

// Watch reports what other programs change in the library until ctx ends;
// then the channel is closed. When the connection is lost it reports so,
// reconnects, and reports everything as changed once it is back.
func (l *Library) Watch(ctx context.Context) (<-chan app.StoreChange, error) {
	conn, err := l.listen(ctx)
	if err != nil && !brokenConn(err) && !isUnreachable(err) {
		return nil, fmt.Errorf("teambibliotheek volgen: %w", err)
	}
	out := make(chan app.StoreChange, 8)
	if err != nil {
		// The server went away between opening and watching: say so, and
		// the watch reconnects as after any lost connection.
		out <- app.StoreChange{Connection: app.ConnectionLost, Status: statusLost}
		conn = nil
	}
	go l.watch(ctx, conn, out)
	return out, nil
}

// listen opens a connection of its own and listens on the channel.
func (l *Library) listen(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, l.cfg.ConnConfig.Copy())
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{l.channel}.Sanitize()); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	return conn, nil
}

func (l *Library) watch(ctx context.Context, conn *pgx.Conn, out chan<- app.StoreChange) {
	defer close(out)
	defer func() {
		if conn != nil {
			conn.Close(context.Background())
		}
	}()
	lastPresence := time.Now()
	for {
		if conn == nil {
			if conn = l.reconnect(ctx, out); conn == nil {
				return
			}
		}
		c, err := l.collect(ctx, conn)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			conn.Close(context.Background())
			conn = nil
			if !send(ctx, out, app.StoreChange{Connection: app.ConnectionLost, Status: statusLost}) {
				return
			}
			continue
		}
		if time.Since(lastPresence) >= PresenceEvery {
			c.Presence, lastPresence = true, time.Now()
		}
		if (c.All || c.List || c.Presence || len(c.Profiles) > 0) && !send(ctx, out, c) {
			return
		}
	}
}

// collect waits up to a second for news from others and gathers what
// follows right after it.
func (l *Library) collect(ctx context.Context, conn *pgx.Conn) (app.StoreChange, error) {
	var c app.StoreChange
	seen := map[string]bool{}
	wait, until := time.Second, time.Time{}
	for {
		wctx, cancel := context.WithTimeout(ctx, wait)
		n, err := conn.WaitForNotification(wctx)
		cancel()
		if err != nil {
			if pgconn.Timeout(err) && ctx.Err() == nil && !conn.IsClosed() {
				return c, nil
			}
			return c, err
		}
		l.merge(&c, seen, n.Payload)
		if until.IsZero() {
			until = time.Now().Add(4 * gather)
		}
		if wait = gather; time.Now().After(until) {
			return c, nil
		}
	}
}

// merge adds one notification to the change, unless this handle made it.
func (l *Library) merge(c *app.StoreChange, seen map[string]bool, payload string) {
	var n news
	if err := json.Unmarshal([]byte(payload), &n); err != nil {
		c.All = true // from a newer program, say: read everything
		return
	}
	if n.Session == l.session {
		return
	}
	for _, id := range n.Profiles {
		if !seen[id] {
			seen[id] = true
			c.Profiles = append(c.Profiles, id)
		}
	}
	c.List = c.List || n.List || n.All
	c.All = c.All || n.All
	c.Presence = c.Presence || n.Presence
}

// reconnect tries again and again until the server is back (nil when ctx
// ended first).
func (l *Library) reconnect(ctx context.Context, out chan<- app.StoreChange) *pgx.Conn {
	delay := 250 * time.Millisecond
	for {
		conn, err := l.listen(ctx)
		if err == nil {
			if !send(ctx, out, app.StoreChange{Connection: app.ConnectionRestored, Status: statusRestored, All: true, List: true, Presence: true}) {
				conn.Close(context.Background())
				return nil
			}
			return conn
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(delay):
		}
		if delay *= 2; delay > 2*time.Second {
			delay = 2 * time.Second
		}
	}
}

func send(ctx context.Context, out chan<- app.StoreChange, c app.StoreChange) bool {
	select {
	case out <- c:
		return true
	case <-ctx.Done():
		return false
	}
}
