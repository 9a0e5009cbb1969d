package cli

import (
	"context"
	"fmt"
	"strconv"
	"text/tabwriter"

	"bcpeditor/app"
)

func runBackups(ctx context.Context, env Env, args []string) error {
	fs := newFlags("backups")
	if _, err := parse(fs, args, 0, "backups"); err != nil {
		return err
	}
	bs, err := env.Library.Backups()
	if err != nil {
		return err
	}
	if len(bs) == 0 {
		fmt.Fprintln(env.Stdout, "Er zijn nog geen reservekopieën.")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NR\tGEMAAKT\tREDEN\tBESTAND")
	for i, b := range bs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", i+1, b.Created.Format("2-1-2006 15:04:05"), b.Reason, b.ID)
	}
	return tw.Flush()
}

// runRestore puts a backup back without opening the current library first,
// so that a damaged library can be recovered from the command line.
func runRestore(ctx context.Context, env Env, args []string) error {
	fs := newFlags("restore")
	rest, err := parse(fs, args, 1, "restore RESERVEKOPIE")
	if err != nil {
		return err
	}
	b := app.Backup{ID: rest[0]}
	if n, err := strconv.Atoi(rest[0]); err == nil {
		bs, err := env.Library.Backups()
		if err != nil {
			return err
		}
		if n < 1 || n > len(bs) {
			return fmt.Errorf("er is geen reservekopie nummer %d (zie 'bcpeditor backups')", n)
		}
		b = bs[n-1]
	}
	if err := env.Library.Restore(ctx, b); err != nil {
		return fmt.Errorf("%v; de bibliotheek is niet gewijzigd", err)
	}
	fmt.Fprintf(env.Stdout, "Reservekopie teruggezet: %s (de vorige bibliotheek staat bij de reservekopieën)\n", b.ID)
	return nil
}
