package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"bcpeditor/app"
	"bcpeditor/app/search"
)

func runSearch(ctx context.Context, env Env, args []string) error {
	fs := newFlags("search")
	asJSON := fs.Bool("json", false, "uitvoer als JSON")
	limit := fs.Int("limit", 20, "hoeveel resultaten")
	profile := fs.String("profile", "", "alleen dit profiel")
	const usage = "search [--json] [--limit N] [--profile PROFIEL] ZOEKTERM"
	rest, err := parse(fs, args, -1, usage)
	if err != nil {
		return err
	}
	if *limit < 1 {
		return usageError{"--limit moet 1 of meer zijn"}
	}
	w, err := openForReading(ctx, env)
	if err != nil {
		return err
	}
	defer w.Close()
	opt := search.Options{Limit: *limit}
	if *profile != "" {
		s, err := w.Resolve(*profile)
		if err != nil {
			return err
		}
		opt.ProfileID = s.ID
	}
	if err := w.IndexAll().Run(); err != nil {
		return err
	}
	results := w.Search(strings.Join(rest, " "), opt)
	if *asJSON {
		type row struct {
			Soort     string `json:"soort"`
			Profiel   string `json:"profiel"`
			ProfielID string `json:"profielId,omitempty"`
			Code      string `json:"code,omitempty"`
			Tekst     string `json:"tekst"`
			Element   string `json:"element"`
			Score     int    `json:"score"`
		}
		rows := []row{}
		for _, r := range results {
			rows = append(rows, row{KindLabel(r.Kind), r.ProfileTitle, r.ProfileID, r.Code, r.Text, r.ElementID, r.Score})
		}
		return writeJSON(env, rows)
	}
	if len(results) == 0 {
		fmt.Fprintln(env.Stdout, "Niets gevonden.")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOORT\tPROFIEL\tCODE\tTEKST\tSCORE")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", KindLabel(r.Kind), clean(r.ProfileTitle), clean(r.Code), clean(app.Shorten(r.Text, 70)), r.Score)
	}
	return tw.Flush()
}

// KindLabel is the Dutch word for a search result's kind.
func KindLabel(k app.Kind) string {
	if k == search.KindCatalogus {
		return "competentie (model)"
	}
	return k.Label()
}
