package compare_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/compare"
)

// crosswalkScore measures a crosswalk against the expected table: recall
// counts the werkprocessen that reach at least one right werkzaamheid;
// precision counts the links that are right or acceptable.
type crosswalkScore struct {
	reached, werkprocessen int
	good, links            int
	wrong, missed          []string
}

func (s crosswalkScore) recall() float64    { return float64(s.reached) / float64(s.werkprocessen) }
func (s crosswalkScore) precision() float64 { return float64(s.good) / float64(max(s.links, 1)) }

func (s crosswalkScore) String() string {
	return fmt.Sprintf("recall %d/%d = %.2f, precision %d/%d = %.2f", s.reached, s.werkprocessen, s.recall(), s.good, s.links, s.precision())
}

// werkzaamheidName names a werkzaamheid as the expected table does: "RB/3".
func werkzaamheidName(u *compare.Unit) string {
	if u.Kind == app.KindRol {
		return rolShort[u.Title]
	}
	return rolShort[u.Parent.Title] + "/" + u.Code
}

// scoreCrosswalk scores the links of one level (werkprocessen or
// kerntaken) of a result; with suggestions, the designer's suggestions
// count as links too.
func scoreCrosswalk(res *compare.Result, kind app.Kind, want map[string]expectedLinks, suggestions bool) crosswalkScore {
	var s crosswalkScore
	for _, o := range res.OldUnits {
		if o.Kind != kind {
			continue
		}
		e := want[o.Code]
		s.werkprocessen++
		reached := false
		for _, l := range res.LinksOf(o) {
			if l.Suggestion && !suggestions {
				continue
			}
			name := werkzaamheidName(l.New)
			s.links++
			switch {
			case slices.Contains(e.right, name):
				s.good++
				reached = true
			case slices.Contains(e.acceptable, name):
				s.good++
			default:
				s.wrong = append(s.wrong, o.Code+"→"+name)
			}
		}
		if reached {
			s.reached++
		} else {
			s.missed = append(s.missed, o.Code)
		}
	}
	return s
}

// describe writes the crosswalk as a reader checks it against the table.
func describe(res *compare.Result, kind app.Kind) string {
	var b strings.Builder
	for _, o := range res.OldUnits {
		if o.Kind != kind {
			continue
		}
		var ls []string
		for _, l := range res.LinksOf(o) {
			mark := ""
			if l.Suggestion {
				mark = "?"
			}
			ls = append(ls, fmt.Sprintf("%s%s %.2f", mark, werkzaamheidName(l.New), l.Strength))
		}
		sort.Strings(ls)
		fmt.Fprintf(&b, "%s %-12s %-45s %s\n", o.Code, res.Status(o), app.Shorten(o.Title, 44), strings.Join(ls, "  "))
	}
	return b.String()
}

// The bundled 2010 BCP against the 2020 bcp: nearly every werkproces
// reaches the werkzaamheden that carry it, with few wrong links.
func TestCrosswalk2010To2020AgainstExpectedTable(t *testing.T) {
	ps, cs, m := bundled(t)
	old, nv := ps["BCP Junior accountmanager"], ps["bcp (Junior) accountmanager"]
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	t.Logf("werkprocessen → werkzaamheden:\n%s", describe(res, app.KindWerkproces))
	t.Logf("kerntaken → rollen:\n%s", describe(res, app.KindKerntaak))
	firm := scoreCrosswalk(res, app.KindWerkproces, expectedCrosswalk2010To2020, false)
	all := scoreCrosswalk(res, app.KindWerkproces, expectedCrosswalk2010To2020, true)
	rollen := scoreCrosswalk(res, app.KindKerntaak, expectedRollen2010To2020, true)
	t.Logf("firm links: %s; wrong %v; missed %v", firm, firm.wrong, firm.missed)
	t.Logf("with suggestions: %s; wrong %v; missed %v", all, all.wrong, all.missed)
	t.Logf("kerntaken → rollen: %s; wrong %v", rollen, rollen.wrong)

	// Floors a little below what the crosswalk reaches (firm 10/15 and
	// 16/16; with suggestions 13/15 and 25/34; kerntaken 3/3 and 5/6),
	// where it reached firm 9/15 and 16/17 and with suggestions 12/15 and
	// 25/36 before the resultaat lines, the commercial synonyms and the
	// -eren/-atie keys: a change that loses more fails here. The weights
	// and these means were chosen on this pair, so the numbers are
	// optimistic for other pairs.
	for _, f := range []struct {
		name              string
		s                 crosswalkScore
		recall, precision float64
	}{
		{"firm links", firm, 0.6, 0.9},
		{"with suggestions", all, 0.8, 0.65},
		{"kerntaken → rollen", rollen, 1, 0.8},
	} {
		if f.s.recall() < f.recall || f.s.precision() < f.precision {
			t.Errorf("%s: %s, want recall ≥ %.2f and precision ≥ %.2f", f.name, f.s, f.recall, f.precision)
		}
	}
	// The issue's own examples: the complaint werkzaamheid of both rollen,
	// and the sales plans in the beleidsondersteuner's plans.
	for code, want := range map[string][]string{"2.3": {"RB/5", "VT/6"}, "1.2": {"CB/2"}, "1.4": {"CB/2"}} {
		got := firmTargets(res, code)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s reaches %v, not %s", code, got, w)
			}
		}
	}
}

// firmTargets names the werkzaamheden a werkproces links to firmly.
func firmTargets(res *compare.Result, code string) []string {
	var out []string
	for _, o := range res.OldUnits {
		if o.Kind != app.KindWerkproces || o.Code != code {
			continue
		}
		for _, l := range res.LinksOf(o) {
			if !l.Suggestion {
				out = append(out, werkzaamheidName(l.New))
			}
		}
	}
	return out
}
