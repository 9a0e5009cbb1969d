package teamload

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"time"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
)

// designer is one simulated designer with a workspace of their own.
type designer struct {
	r       *run
	n       int
	w       *workspace.Workspace
	profile string
	s       *workspace.Session
	seq     int
	known   map[string]bool // tokens already in this designer's editor
}

// token marks one edit: designer and sequence number.
var token = regexp.MustCompile(`d\d{3}\.\d{6};`)

// work edits until the run is over, taking in what the others change.
func (d *designer) work(ctx context.Context) {
	var err error
	if d.s, err = d.w.OpenProfile(d.profile); err != nil {
		d.r.logf("ontwerper %d: %v", d.n+1, err)
		return
	}
	d.known = map[string]bool{}
	d.note()
	changes := d.w.RemoteChanges()
	d.w.Subscribe(d.onEvent)
	end := d.r.start.Add(d.r.cfg.Duration)
	for time.Now().Before(end) && ctx.Err() == nil {
		d.takeIn(changes)
		d.edit()
		time.Sleep(d.r.cfg.Pause/2 + rand.N(d.r.cfg.Pause+1))
	}
	d.settle(changes)
}

// settle waits (30 s at most) until a lost connection is back, taking in
// what comes meanwhile, so that the run sees every designer reconnect.
func (d *designer) settle(changes <-chan app.StoreChange) {
	deadline := time.After(30 * time.Second)
	for {
		if conn, _ := d.w.Connection(); conn != app.ConnectionLost {
			return
		}
		select {
		case c, ok := <-changes:
			if !ok {
				return
			}
			_ = d.w.ApplyRemote(c, "")
		case <-deadline:
			return
		}
	}
}

// takeIn applies what the others changed, as the window does between
// keystrokes.
func (d *designer) takeIn(changes <-chan app.StoreChange) {
	for {
		select {
		case c, ok := <-changes:
			if !ok {
				return
			}
			_ = d.w.ApplyRemote(c, "")
			d.note()
		default:
			return
		}
	}
}

// onEvent counts what the designer is told about the connection.
func (d *designer) onEvent(e workspace.Event) {
	if e.Kind != workspace.ConnectionChanged {
		return
	}
	conn, _ := d.w.Connection()
	d.r.mu.Lock()
	defer d.r.mu.Unlock()
	if conn == app.ConnectionLost {
		d.r.lost++
	} else {
		d.r.restored++
	}
	if len(d.r.statuses) < 2 {
		d.r.statuses = append(d.r.statuses, e.Label)
	}
	d.r.logf("ontwerper %d: %s", d.n+1, e.Label)
}

// note records the tokens now in the editor; the new ones of others were
// seen this long after they were acknowledged.
func (d *designer) note() {
	if d.w.Session() == nil {
		return
	}
	now := time.Now()
	for _, id := range d.r.hot[d.profile] {
		el, _ := d.s.Element(id)
		for _, t := range token.FindAllString(el.Body, -1) {
			if d.known[t] {
				continue
			}
			d.known[t] = true
			d.r.mu.Lock()
			if at, ok := d.r.sent[t]; ok && t[1:4] != fmt.Sprintf("%03d", d.n) {
				d.r.seen = append(d.r.seen, now.Sub(at))
			}
			d.r.mu.Unlock()
		}
	}
}

// edit appends a new token to one of the shared elements.
func (d *designer) edit() {
	hot := d.r.hot[d.profile]
	id := hot[rand.N(len(hot))]
	el, ok := d.s.Element(id)
	if !ok {
		return
	}
	d.seq++
	t := fmt.Sprintf("d%03d.%06d;", d.n, d.seq)
	start := time.Now()
	err := d.s.Edit(id+"/"+app.FieldBody, func(ed *app.Editor) error { return ed.SetField(id, app.FieldBody, el.Body+" "+t) })
	took := time.Since(start)
	var ce *app.ConflictError
	d.r.mu.Lock()
	d.r.attempts++
	switch {
	case err == nil:
		d.r.acked = append(d.r.acked, ack{profile: d.profile, element: id, token: t})
		d.r.sent[t] = time.Now()
		d.r.latencies = append(d.r.latencies, took)
		d.known[t] = true
	case errors.As(err, &ce):
		d.r.conflicts++
	default:
		d.r.failed++
	}
	d.r.mu.Unlock()
	switch {
	case ce != nil:
		_ = d.s.TakeTheirs() // take what is stored, then type again
		d.note()
	case err != nil:
		time.Sleep(200 * time.Millisecond) // the server is away: wait a little
	}
}
