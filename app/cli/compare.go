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

const compareUsage = "compare [--json] [--rapport BESTAND] [--concordantie BESTAND] PROFIEL_OUD PROFIEL_NIEUW"

func runCompare(ctx context.Context, env Env, args []string) error {
	fs := newFlags("compare")
	asJSON := fs.Bool("json", false, "uitvoer als JSON")
	report := fs.String("rapport", "", "schrijf ook een rapport (.html of .docx)")
	table := fs.String("concordantie", "", "schrijf ook de concordantietabel (.xlsx of .docx)")
	rest, err := parse(fs, args, 2, compareUsage)
	if err != nil {
		return err
	}
	if *table != "" && !hasSuffix(*table, ".xlsx", ".docx") {
		return usageError{"de concordantietabel is een .xlsx- of .docx-bestand; gebruik: bcpeditor " + compareUsage}
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
	if err := writeCompareFiles(res, *report, *table); err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env, compare.JSON(res))
	}
	writeCrosswalk(env, res)
	return nil
}

func hasSuffix(path string, exts ...string) bool {
	for _, e := range exts {
		if strings.HasSuffix(strings.ToLower(path), e) {
			return true
		}
	}
	return false
}

// writeCompareFiles writes the report and the concordantietabel, each
// atomically, when asked for.
func writeCompareFiles(res *compare.Result, report, table string) error {
	if report != "" {
		err := app.WriteFileAtomic(report, func(bw *bufio.Writer) error {
			if hasSuffix(report, ".docx") {
				return export.WriteCompareDOCX(bw, res, false)
			}
			return compare.WriteHTML(bw, res, false)
		})
		if err != nil {
			return fmt.Errorf("rapport schrijven: %w", err)
		}
	}
	if table != "" {
		err := app.WriteFileAtomic(table, func(bw *bufio.Writer) error {
			if hasSuffix(table, ".docx") {
				return export.WriteConcordantieDOCX(bw, res)
			}
			return export.WriteConcordantieXLSX(bw, res)
		})
		if err != nil {
			return fmt.Errorf("concordantietabel schrijven: %w", err)
		}
	}
	return nil
}

// writeCrosswalk prints the crosswalk: per old element its status and the
// new elements that carry it, then the competenties.
func writeCrosswalk(env Env, res *compare.Result) {
	fmt.Fprintf(env.Stdout, "Vergelijking: %s (%s)  ⇄  %s (%s)\n", clean(res.Old.Title), clean(res.Old.VersionLabel), clean(res.New.Title), clean(res.New.VersionLabel))
	fmt.Fprintln(env.Stdout, compare.SummaryText(res.Summary))
	fmt.Fprintln(env.Stdout)
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "STATUS\tOUD\tNIEUW\tKOPPELING")
	for _, row := range res.Rows {
		if row.Old == nil {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", row.Status, "—", unitLabel(row.New), "")
			continue
		}
		if len(row.Links) == 0 {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", row.Status, unitLabel(row.Old), "—", "")
		}
		for i, l := range row.Links {
			status, old := "", ""
			if i == 0 {
				status, old = string(row.Status), unitLabel(row.Old)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", status, old, unitLabel(l.New), compare.LinkLabel(l))
		}
	}
	tw.Flush()
	c := res.Competenties
	fmt.Fprintln(env.Stdout)
	fmt.Fprintf(env.Stdout, "Competenties in beide: %s\n", orNone(c.Both))
	fmt.Fprintf(env.Stdout, "Alleen oud: %s\n", orNone(c.OnlyOld))
	fmt.Fprintf(env.Stdout, "Alleen nieuw: %s\n", orNone(c.OnlyNew))
}

func unitLabel(u *compare.Unit) string {
	if u == nil {
		return "—"
	}
	return clean(app.Shorten(strings.TrimSpace(u.Label()+" "+u.Text()), 60))
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "—"
	}
	return clean(strings.Join(xs, "; "))
}
