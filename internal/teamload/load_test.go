package teamload_test

import (
	"context"
	"flag"
	"os"
	"testing"
	"time"

	"bcpeditor/internal/teamload"
	"bcpeditor/storage/pg/pgtest"
)

// The full run is 'make load' (60 s); CI runs a short smoke of it.
var (
	duration  = flag.Duration("teamload.duur", 5*time.Second, "hoe lang de ontwerpers bewerken")
	designers = flag.Int("teamload.ontwerpers", 20, "hoeveel ontwerpers tegelijk bewerken")
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// 20 designers edit the same three profiles; the server (a cluster of
// the test's own) is killed and started again a third into the run. Every
// acknowledged edit must be there afterwards. The numbers are logged, not
// asserted: they depend on the machine.
func TestTeamLoad(t *testing.T) {
	c := pgtest.Killable(t)
	cfg := teamload.Config{Address: pgtest.FreshOn(t, c.URL()), Designers: *designers, Duration: *duration, Hot: 8,
		Pause: 50 * time.Millisecond, Kill: c.Kill, Restart: c.Restart, Down: time.Second}
	if testing.Verbose() {
		cfg.Log = os.Stderr
	}
	rep, err := teamload.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + rep.String())
	if rep.Lost != 0 {
		t.Errorf("%d acknowledged edits were lost", rep.Lost)
	}
	if rep.Acknowledged == 0 {
		t.Error("no edit was acknowledged")
	}
	if rep.Killed && rep.Restored < cfg.Designers {
		t.Errorf("%d of %d designers were told the connection came back", rep.Restored, cfg.Designers)
	}
}
