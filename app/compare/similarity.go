package compare

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"bcpeditor/app"
)

// Likeness of texts: TF-IDF vectors over crude Dutch word stems, compared
// by cosine. Words that occur everywhere ("junior", "accountmanager")
// weigh little; rare shared words ("klachten") weigh much.

type vector struct {
	ids []int32 // sorted token IDs
	w   []float64
}

type corpus struct {
	ids map[string]int32
	df  map[int32]int
	n   int
}

var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`de het een en van in op te voor met aan door bij als dat die dit er hij zij zijn
		haar is wordt worden om of ook naar over uit tot zo zich kan moet deze welke wat wie waar niet wel nog meer
		hem hen hun ze we wij je u ons onze eigen andere alle over onder tussen tegen zoals eventueel daarbij
		daarnaast waarbij vervolgens hierbij`) {
		stopwords[w] = true
	}
}

// stem strips common Dutch endings so that "klacht" and "klachten",
// "behandelt" and "behandelen" meet.
func stem(w string) string {
	for round := 0; round < 2; round++ {
		cut := false
		for _, suf := range []string{"ingen", "ing", "en", "es", "s", "e", "t"} {
			if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
				w = w[:len(w)-len(suf)]
				cut = true
				break
			}
		}
		if !cut {
			break
		}
	}
	return w
}

func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(app.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) < 3 || stopwords[w] {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// unitText is what a unit's likeness is measured on: its title (counted
// twice) and text, with its lists when the other side is of the same kind
// (full), without when it is not (a werkzaamheid has no kennis lines). A
// kerntaak or rol also carries the core text of its children, since that
// is what says what it is about.
func unitText(u *Unit, full bool) []string {
	if u.coreWords == nil {
		ws := words(u.Title)
		ws = append(ws, ws...)
		ws = append(ws, words(u.Body)...)
		for _, c := range u.children {
			ws = append(ws, unitText(c, false)...)
		}
		u.coreWords = ws
		for _, ls := range u.Lists {
			for _, l := range ls {
				u.listWords = append(u.listWords, words(l.Text)...)
			}
		}
	}
	if full {
		return append(u.coreWords[:len(u.coreWords):len(u.coreWords)], u.listWords...)
	}
	return u.coreWords
}

func newCorpus(units []*Unit) *corpus {
	c := &corpus{ids: map[string]int32{}, df: map[int32]int{}, n: len(units)}
	for _, u := range units {
		seen := map[int32]bool{}
		for _, w := range unitText(u, true) {
			id, ok := c.ids[w]
			if !ok {
				id = int32(len(c.ids))
				c.ids[w] = id
			}
			if !seen[id] {
				seen[id] = true
				c.df[id]++
			}
		}
	}
	return c
}

func (c *corpus) vector(u *Unit, full bool) vector {
	tf := map[int32]float64{}
	for _, w := range unitText(u, full) {
		if _, ok := c.ids[w]; !ok {
			continue
		}
		tf[c.ids[w]]++
	}
	v := vector{}
	for id := range tf {
		v.ids = append(v.ids, id)
	}
	sort.Slice(v.ids, func(i, j int) bool { return v.ids[i] < v.ids[j] })
	norm := 0.0
	for _, id := range v.ids {
		w := (1 + math.Log(tf[id])) * math.Log(1+float64(c.n)/float64(c.df[id]))
		v.w = append(v.w, w)
		norm += w * w
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for i := range v.w {
			v.w[i] /= norm
		}
	}
	return v
}

func cosine(a, b vector) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] == b.ids[j]:
			s += a.w[i] * b.w[j]
			i, j = i+1, j+1
		case a.ids[i] < b.ids[j]:
			i++
		default:
			j++
		}
	}
	return math.Round(s*100) / 100
}

// namer turns competentie IDs into names and compares the two sides,
// through the mapping when the sides use different models.
type namer struct {
	names   map[string]string
	mapping Mapping
	cross   bool
}

func newNamer(opt Options) *namer {
	n := &namer{names: map[string]string{}, mapping: opt.Mapping}
	for _, c := range []*app.Catalogue{opt.OldCatalogue, opt.NewCatalogue} {
		if c != nil {
			for _, k := range c.Competenties {
				n.names[k.ID] = k.Name
			}
		}
	}
	n.cross = opt.OldCatalogue != nil && opt.NewCatalogue != nil && opt.OldCatalogue.ID != opt.NewCatalogue.ID
	return n
}

func (n *namer) name(id string) string {
	if s, ok := n.names[id]; ok {
		return s
	}
	return "?"
}

// diff compares the competenties of two sides. With different models, an
// old competentie that maps onto a new one on the other side shows as
// "old → new" under Both.
func (n *namer) diff(old, new []string) CompetentieDiff {
	var d CompetentieDiff
	newSet := map[string]bool{}
	for _, id := range new {
		newSet[id] = true
	}
	covered := map[string]bool{}
	seenOld := map[string]bool{}
	for _, id := range old {
		if seenOld[id] {
			continue
		}
		seenOld[id] = true
		targets := []string{id}
		if n.cross {
			targets = n.mapping[id]
		}
		var hits []string
		for _, t := range targets {
			if newSet[t] {
				hits = append(hits, t)
				covered[t] = true
			}
		}
		switch {
		case len(hits) == 0:
			d.OnlyOld = append(d.OnlyOld, n.name(id))
		case n.cross:
			var hn []string
			for _, h := range hits {
				hn = append(hn, n.name(h))
			}
			d.Both = append(d.Both, n.name(id)+" → "+strings.Join(hn, ", "))
		default:
			d.Both = append(d.Both, n.name(id))
		}
	}
	seenNew := map[string]bool{}
	for _, id := range new {
		if !covered[id] && !seenNew[id] {
			d.OnlyNew = append(d.OnlyNew, n.name(id))
		}
		seenNew[id] = true
	}
	sort.Strings(d.OnlyOld)
	sort.Strings(d.OnlyNew)
	sort.Strings(d.Both)
	return d
}
