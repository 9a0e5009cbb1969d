// Package teamload measures a team library under load: simulated
// designers, each with a workspace of their own as a window has it, edit
// the same profiles at once for a while. Every edit appends a unique token
// to the text of one of a few shared elements; a conflict is resolved as a
// designer would (take what is stored, then type again). Afterwards every
// acknowledged edit must still be in the library: its token is in the
// element's text (0 lost updates). Optionally the server is killed during
// the run and started again: the designers reconnect and say so.
package teamload

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/storage/pg"
)

// Config says what to simulate.
type Config struct {
	Address   string        // the team library (a fresh, empty schema is best)
	Designers int           // how many designers edit at once
	Duration  time.Duration // how long they edit
	Hot       int           // elements per profile everyone edits
	Pause     time.Duration // a designer's pause between edits
	// Kill and Restart, when set, stop the server a third into the run
	// and start it again after Down.
	Kill, Restart func(context.Context) error
	Down          time.Duration
	Log           io.Writer // progress (nil: none)
}

// Report is what a run measured.
type Report struct {
	Designers, Profiles      int
	Duration                 time.Duration
	Acknowledged, Attempts   int
	Conflicts                int // edits refused because someone else was first
	Failed                   int // edits refused because the server was away
	EditsPerSecond           float64
	P50, P95, P99, Max       time.Duration // per acknowledged edit
	SeenP50, SeenP95         time.Duration // acknowledged → in another designer's editor
	Seen                     int
	Lost                     int // acknowledged edits missing afterwards
	Killed                   bool
	LostConnection, Restored int // designers told the connection was lost / restored
	Statuses                 []string
}

// Run simulates the designers and checks the result.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if err := prepare(ctx, cfg.Address); err != nil {
		return nil, err
	}
	ws, err := openAll(ctx, cfg)
	if err != nil {
		return nil, err
	}
	profiles := ws[0].Profiles()
	r := &run{cfg: cfg, sent: map[string]time.Time{}, start: time.Now(), hot: hotElements(ws[0], profiles, cfg.Hot)}
	var wg sync.WaitGroup
	for i, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := &designer{r: r, n: i, w: w, profile: profiles[i%len(profiles)].ID}
			d.work(ctx)
		}()
	}
	killed := r.outage(ctx)
	wg.Wait()
	for _, w := range ws {
		w.Close()
	}
	rep := r.report(len(profiles), killed)
	rep.Lost, err = r.verify(ctx)
	return rep, err
}

// prepare opens the library once, so that the designers find it set up.
func prepare(ctx context.Context, addr string) error {
	lib, err := pg.Open(ctx, addr)
	if err != nil {
		return fmt.Errorf("teambibliotheek klaarzetten: %w", err)
	}
	return lib.Close()
}

// openAll gives every designer a workspace of their own.
func openAll(ctx context.Context, cfg Config) ([]*workspace.Workspace, error) {
	var ws []*workspace.Workspace
	for i := 0; i < cfg.Designers; i++ {
		w, err := workspace.Open(ctx, pg.Location{Address: cfg.Address}, app.OpenShared)
		if err != nil {
			for _, o := range ws {
				o.Close()
			}
			return nil, fmt.Errorf("ontwerper %d: %w", i+1, err)
		}
		ws = append(ws, w)
	}
	return ws, nil
}

// hotElements picks, per profile, the first n elements with a title: the
// kerntaken, werkprocessen and rollen everyone edits.
func hotElements(w *workspace.Workspace, profiles []app.ProfileSummary, n int) map[string][]string {
	hot := map[string][]string{}
	for _, s := range profiles {
		p, err := w.Profile(s.ID)
		if err != nil {
			continue
		}
		for _, e := range p.Elements() {
			if len(hot[s.ID]) < n && (e.Kind == app.KindKerntaak || e.Kind == app.KindWerkproces || e.Kind == app.KindRol || e.Kind == app.KindWerkzaamheid) {
				hot[s.ID] = append(hot[s.ID], e.ID)
			}
		}
	}
	return hot
}

// run is what the designers share.
type run struct {
	cfg   Config
	start time.Time
	hot   map[string][]string // profile → element IDs

	mu        sync.Mutex
	acked     []ack
	sent      map[string]time.Time // token → acknowledged at
	latencies []time.Duration
	seen      []time.Duration
	attempts  int
	conflicts int
	failed    int
	lost      int
	restored  int
	statuses  []string
}

// ack is one acknowledged edit: its token must stay in the element's text.
type ack struct {
	profile, element, token string
}

func (r *run) logf(format string, args ...any) {
	if r.cfg.Log != nil {
		fmt.Fprintf(r.cfg.Log, "%6.1fs  "+format+"\n", append([]any{time.Since(r.start).Seconds()}, args...)...)
	}
}

// outage kills the server a third into the run and starts it again.
func (r *run) outage(ctx context.Context) bool {
	if r.cfg.Kill == nil || r.cfg.Restart == nil {
		return false
	}
	time.Sleep(r.cfg.Duration / 3)
	r.logf("server gestopt (zoals bij een crash)")
	if err := r.cfg.Kill(ctx); err != nil {
		r.logf("stoppen mislukt: %v", err)
		return false
	}
	time.Sleep(r.cfg.Down)
	if err := r.cfg.Restart(ctx); err != nil {
		r.logf("herstarten mislukt: %v", err)
		return true
	}
	r.logf("server weer gestart")
	return true
}

// report sums up the run.
func (r *run) report(profiles int, killed bool) *Report {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := &Report{Designers: r.cfg.Designers, Profiles: profiles, Duration: r.cfg.Duration, Acknowledged: len(r.acked),
		Attempts: r.attempts, Conflicts: r.conflicts, Failed: r.failed, Killed: killed, LostConnection: r.lost, Restored: r.restored,
		Statuses: r.statuses, Seen: len(r.seen)}
	rep.EditsPerSecond = float64(len(r.acked)) / r.cfg.Duration.Seconds()
	rep.P50, rep.P95, rep.P99, rep.Max = quantile(r.latencies, .5), quantile(r.latencies, .95), quantile(r.latencies, .99), quantile(r.latencies, 1)
	rep.SeenP50, rep.SeenP95 = quantile(r.seen, .5), quantile(r.seen, .95)
	return rep
}

func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(q*float64(len(s))+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(s) {
		i = len(s) - 1
	}
	return s[i]
}

// verify reads the library afresh: every acknowledged token must be in its
// element's text. It returns how many are missing.
func (r *run) verify(ctx context.Context) (int, error) {
	lib, err := pg.OpenWith(ctx, r.cfg.Address, pg.Options{ReadOnly: true})
	if err != nil {
		return 0, fmt.Errorf("nacontrole: %w", err)
	}
	defer lib.Close()
	texts := map[string]string{}
	for profile := range r.hot {
		p, err := lib.LoadProfile(ctx, profile)
		if err != nil {
			return 0, fmt.Errorf("nacontrole: %w", err)
		}
		for _, e := range p.Elements() {
			texts[e.ID] = e.Body
		}
	}
	lost := 0
	for _, a := range r.acked {
		if !strings.Contains(texts[a.element], a.token) {
			lost++
		}
	}
	return lost, nil
}

// String is the report as a table for people.
func (rep *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d ontwerpers op %d profielen, %v\n", rep.Designers, rep.Profiles, rep.Duration)
	fmt.Fprintf(&b, "  bevestigde bewerkingen:  %d (%.1f per seconde), van %d pogingen\n", rep.Acknowledged, rep.EditsPerSecond, rep.Attempts)
	fmt.Fprintf(&b, "  tijd per bewerking:      p50 %v, p95 %v, p99 %v, max %v\n", ms(rep.P50), ms(rep.P95), ms(rep.P99), ms(rep.Max))
	fmt.Fprintf(&b, "  conflicten ontdekt:      %d (geweigerd, daarna opnieuw getypt)\n", rep.Conflicts)
	fmt.Fprintf(&b, "  zichtbaar bij een ander: p50 %v, p95 %v (%d keer gemeten)\n", ms(rep.SeenP50), ms(rep.SeenP95), rep.Seen)
	if rep.Killed {
		fmt.Fprintf(&b, "  server gestopt en herstart: %d bewerkingen geweigerd zolang hij weg was; %d ontwerpers kregen 'verbroken', %d 'weer verbonden'\n", rep.Failed, rep.LostConnection, rep.Restored)
	}
	fmt.Fprintf(&b, "  verloren bevestigde bewerkingen: %d\n", rep.Lost)
	return b.String()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
