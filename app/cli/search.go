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
		return writeJSON(env, searchRows(results))
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

type searchParent struct {
	Soort string `json:"soort"`
	Code  string `json:"code,omitempty"`
	Titel string `json:"titel,omitempty"`
}

type searchUse struct {
	Profiel   string `json:"profiel"`
	ProfielID string `json:"profielId"`
	Code      string `json:"code,omitempty"`
	Element   string `json:"element"`
}

type searchRow struct {
	Soort       string        `json:"soort"`
	Profiel     string        `json:"profiel"`
	ProfielID   string        `json:"profielId,omitempty"`
	Code        string        `json:"code,omitempty"`
	Tekst       string        `json:"tekst"`
	Element     string        `json:"element"`
	Veld        string        `json:"veld"`
	Fragment    string        `json:"fragment"`
	Markeringen [][2]int      `json:"markeringen"`
	Ouder       *searchParent `json:"ouder,omitempty"`
	Gebruik     []searchUse   `json:"gebruik,omitempty"`
	Woorden     string        `json:"woorden"`
	Score       int           `json:"score"`
}

// searchRows are the results as --json writes them: the same ranking as
// the window, with the fragment and its marked letters (runes), the
// werkproces or rol, and where a competentie is used.
func searchRows(results []search.Result) []searchRow {
	rows := []searchRow{}
	for _, r := range results {
		row := searchRow{Soort: KindLabel(r.Kind), Profiel: r.ProfileTitle, ProfielID: r.ProfileID, Code: r.Code, Tekst: r.Text,
			Element: r.ElementID, Veld: string(r.Field), Fragment: r.Snippet, Markeringen: [][2]int{},
			Woorden: fmt.Sprintf("%d/%d", r.WordsMatched, r.QueryWords), Score: r.Score}
		for _, h := range r.Highlights {
			row.Markeringen = append(row.Markeringen, [2]int{h.Start, h.End})
		}
		if r.Parent != nil {
			row.Ouder = &searchParent{Soort: r.Parent.Kind.Label(), Code: r.Parent.Code, Titel: r.Parent.Title}
		}
		for _, u := range r.Uses {
			row.Gebruik = append(row.Gebruik, searchUse{Profiel: u.ProfileTitle, ProfielID: u.ProfileID, Code: u.Parent.Code, Element: u.ElementID})
		}
		rows = append(rows, row)
	}
	return rows
}
