package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"bcpeditor/app"
	"bcpeditor/app/compare"
	"bcpeditor/app/export"
)

func runCompare(ctx context.Context, env Env, args []string) error {
	fs := newFlags("compare")
	asJSON := fs.Bool("json", false, "uitvoer als JSON")
	report := fs.String("rapport", "", "schrijf ook een rapport (.html of .docx)")
	rest, err := parse(fs, args, 2, "compare [--json] [--rapport BESTAND] PROFIEL_OUD PROFIEL_NIEUW")
	if err != nil {
		return err
	}
	w, old, err := loadProfile(ctx, env, rest[0])
	if err != nil {
		return err
	}
	defer w.Close()
	nw, err := findProfile(w, rest[1])
	if err != nil {
		return err
	}
	res, err := w.CompareProfiles(old, nw)
	if err != nil {
		return err
	}
	if *report != "" {
		err := app.WriteFileAtomic(*report, func(bw *bufio.Writer) error {
			if strings.HasSuffix(strings.ToLower(*report), ".docx") {
				return export.WriteCompareDOCX(bw, res, false)
			}
			return compare.WriteHTML(bw, res, false)
		})
		if err != nil {
			return fmt.Errorf("rapport schrijven: %w", err)
		}
	}
	if *asJSON {
		return writeJSON(env, compare.JSON(res))
	}
	fmt.Fprintf(env.Stdout, "Vergelijking: %s (%s)  ⇄  %s (%s)\n", clean(old.Title), clean(old.VersionLabel), clean(nw.Title), clean(nw.VersionLabel))
	fmt.Fprintln(env.Stdout, compare.SummaryText(res.Summary))
	fmt.Fprintln(env.Stdout)
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STATUS\tOUD\tNIEUW\tGELIJKENIS\tGEKOPPELD OP")
	for _, p := range res.Pairs {
		sim := ""
		if p.How == compare.BySimilarity {
			sim = fmt.Sprintf("%.2f", p.Similarity)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.Status, unitLabel(p.Old), unitLabel(p.New), sim, p.How)
	}
	tw.Flush()
	c := res.Competenties
	fmt.Fprintln(env.Stdout)
	fmt.Fprintf(env.Stdout, "Competenties in beide: %s\n", orNone(c.Both))
	fmt.Fprintf(env.Stdout, "Alleen oud: %s\n", orNone(c.OnlyOld))
	fmt.Fprintf(env.Stdout, "Alleen nieuw: %s\n", orNone(c.OnlyNew))
	return nil
}

func unitLabel(u *compare.Unit) string {
	if u == nil {
		return "—"
	}
	text := u.Title
	if text == "" {
		text = u.Body
	}
	return clean(app.Shorten(strings.TrimSpace(u.Kind.Label()+" "+u.Code+" "+text), 60))
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "—"
	}
	return clean(strings.Join(xs, "; "))
}
