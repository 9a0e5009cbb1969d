// Command bcpload measures a team library under load, apart from the BCP
// Editor itself: simulated designers edit the same profiles on one
// PostgreSQL server for a while (20 for 60 s by default), the server is
// killed and started again a third into the run, and afterwards every
// acknowledged edit must still be there. Without --adres it starts a
// throw-away cluster of its own (PostgreSQL must be installed).
//
//	go run ./cmd/bcpload [--ontwerpers 20] [--duur 60s] [--pauze 50ms] [--adres postgres://…] [--zonder-stop]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"bcpeditor/internal/teamload"
	"bcpeditor/storage/pg/pgcluster"
)

func main() {
	cfg := teamload.Config{Hot: 8, Down: 2 * time.Second, Log: os.Stderr}
	flag.IntVar(&cfg.Designers, "ontwerpers", 20, "hoeveel ontwerpers tegelijk bewerken")
	flag.DurationVar(&cfg.Duration, "duur", time.Minute, "hoe lang zij bewerken")
	flag.DurationVar(&cfg.Pause, "pauze", 50*time.Millisecond, "gemiddelde pauze van een ontwerper tussen twee bewerkingen")
	flag.StringVar(&cfg.Address, "adres", "", "een lege teambibliotheek (postgres://…); zonder: een eigen wegwerpcluster")
	noKill := flag.Bool("zonder-stop", false, "de server niet tussentijds stoppen")
	flag.Parse()
	if err := run(cfg, *noKill); err != nil {
		fmt.Fprintln(os.Stderr, "bcpload:", err)
		os.Exit(1)
	}
}

func run(cfg teamload.Config, noKill bool) error {
	ctx := context.Background()
	if cfg.Address == "" {
		c, err := pgcluster.Start(ctx)
		if err != nil {
			return err
		}
		defer c.Stop()
		cfg.Address = c.URL()
		if !noKill {
			cfg.Kill, cfg.Restart = c.Kill, c.Restart
		}
	}
	rep, err := teamload.Run(ctx, cfg)
	if err != nil {
		return err
	}
	fmt.Print(rep)
	if rep.Lost > 0 {
		return fmt.Errorf("%d bevestigde bewerkingen zijn verloren", rep.Lost)
	}
	return nil
}
