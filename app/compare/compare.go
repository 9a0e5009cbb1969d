package compare

import (
	"sort"
	"strings"

	"bcpeditor/app"
)

// Status is what happened to an element between the old and the new side.
type Status string

// The statuses of a pair.
const (
	Unchanged Status = "ongewijzigd"
	Modified  Status = "gewijzigd"
	Added     Status = "nieuw"
	Removed   Status = "vervallen"
	Moved     Status = "verplaatst"
)

// How a pair was made.
const (
	ByHand       = "hand"
	ByLineage    = "herkomst"
	ByCode       = "code"
	BySimilarity = "gelijkenis"
)

// Unit is one comparable element of a profile: a kerntaak, werkproces,
// rol or werkzaamheid, with the texts that belong to it.
type Unit struct {
	ID, Origin, ParentID string
	Kind                 app.Kind
	Code, Title, Body    string
	Lists                map[app.Kind][]*app.Line // resultaat, kennis, vaardigheden, kennis-en-vaardigheden
	Competenties         []string                 // catalogue entry IDs
	Position             int
	vec, core            vector   // with and without lists
	children             []*Unit  // a kerntaak's werkprocessen, a rol's werkzaamheden
	coreWords, listWords []string // stems, computed once
	hasVec               bool
}

// likeness compares two units: on everything when they are of the same
// kind, on title and text when they are not.
func likeness(a, b *Unit) float64 {
	if a.Kind == b.Kind {
		return cosine(a.vec, b.vec)
	}
	return cosine(a.core, b.core)
}

// Pair is one line of the comparison: an old unit, a new unit, or both.
type Pair struct {
	Old, New   *Unit
	Status     Status
	Changed    bool    // content differs (also for moved pairs)
	How        string  // ByHand, ByLineage, ByCode, BySimilarity
	Similarity float64 // 0..1, for pairs made by likeness

	Title, Body  []Span
	Lists        []ListDiff
	Competenties CompetentieDiff
}

// ListDiff compares one list (resultaat, kennis …) item by item.
type ListDiff struct {
	Kind  app.Kind
	Items []ItemDiff
}

// ItemDiff is one list item: paired old and new lines with their word diff,
// or a line only on one side.
type ItemDiff struct {
	Old, New string
	Spans    []Span
	Status   Status
}

// CompetentieDiff says which competenties only the old side uses, only the
// new side, and both, as names; where the two sides use different models,
// old names are translated through the mapping first.
type CompetentieDiff struct {
	OnlyOld []string `json:"alleenOud"`
	OnlyNew []string `json:"alleenNieuw"`
	Both    []string `json:"beide"`
}

// Summary counts the pairs per status.
type Summary map[Status]int

// Result is a whole comparison.
type Result struct {
	Old, New     *app.Profile
	Pairs        []*Pair
	Summary      Summary
	Competenties CompetentieDiff // over the whole profile
}

// Mapping translates competenties of one model to another: old catalogue
// entry ID → new catalogue entry IDs.
type Mapping map[string][]string

// Options steer a comparison.
type Options struct {
	OldCatalogue, NewCatalogue *app.Catalogue
	Mapping                    Mapping
	// Manual pairs made by the designer: old element ID → new element ID;
	// an entry with "" as new ID unpairs the old element.
	Manual map[string]string
	// MinSimilarity is the least likeness for pairing by text (default
	// 0.2; 0.1 between kinds, kerntaken against rollen).
	MinSimilarity float64
}

// Units lists the comparable elements of a profile in document order.
func Units(p *app.Profile) []*Unit {
	var out []*Unit
	for i, k := range p.Kerntaken {
		ku := &Unit{ID: k.ID, Origin: k.Origin, Kind: app.KindKerntaak, Code: k.Code, Title: k.Title, Body: k.Toelichting, Position: i}
		out = append(out, ku)
		for j, w := range k.Werkprocessen {
			u := &Unit{ID: w.ID, Origin: w.Origin, ParentID: k.ID, Kind: app.KindWerkproces, Code: w.Code, Title: w.Title, Body: w.Beschrijving, Position: j,
				Lists: map[app.Kind][]*app.Line{app.KindResultaat: w.Resultaat, app.KindKennis: w.Kennis, app.KindVaardigheid: w.Vaardigheden}}
			for _, r := range w.Competenties {
				u.Competenties = append(u.Competenties, r.Competentie)
			}
			out = append(out, u)
			ku.children = append(ku.children, u)
		}
	}
	for i, r := range p.Rollen {
		u := &Unit{ID: r.ID, Origin: r.Origin, Kind: app.KindRol, Code: r.Code, Title: r.Title, Body: r.Beschrijving, Position: i,
			Lists: map[app.Kind][]*app.Line{app.KindKennisVaardigheid: r.KennisEnVaardigheden}}
		for _, c := range r.Competenties {
			u.Competenties = append(u.Competenties, c.Competentie)
		}
		out = append(out, u)
		for j, w := range r.Werkzaamheden {
			wu := &Unit{ID: w.ID, Origin: w.Origin, ParentID: r.ID, Kind: app.KindWerkzaamheid, Code: w.Code, Body: w.Text, Position: j}
			out = append(out, wu)
			u.children = append(u.children, wu)
		}
	}
	return out
}

// level groups kinds that can pair: a kerntaak with a kerntaak or a rol, a
// werkproces with a werkproces or a werkzaamheid.
func level(k app.Kind) int {
	switch k {
	case app.KindKerntaak, app.KindRol:
		return 1
	default:
		return 2
	}
}

// Compare lines up two profiles.
func Compare(old, new *app.Profile, opt Options) *Result {
	if opt.MinSimilarity == 0 {
		opt.MinSimilarity = 0.2
	}
	ou, nu := Units(old), Units(new)
	byID := func(us []*Unit) map[string]*Unit {
		m := map[string]*Unit{}
		for _, u := range us {
			m[u.ID] = u
		}
		return m
	}
	oldByID, newByID := byID(ou), byID(nu)
	pairOfOld := map[string]*Pair{}
	pairOfNew := map[string]*Pair{}
	var pairs []*Pair
	link := func(o, n *Unit, how string) {
		p := &Pair{Old: o, New: n, How: how}
		pairOfOld[o.ID], pairOfNew[n.ID] = p, p
		pairs = append(pairs, p)
	}
	free := func(o, n *Unit) bool { return pairOfOld[o.ID] == nil && pairOfNew[n.ID] == nil }
	unpaired := map[string]bool{}

	// 1. By hand.
	for oid, nid := range opt.Manual {
		o := oldByID[oid]
		if o == nil {
			continue
		}
		if nid == "" {
			unpaired[oid] = true
			continue
		}
		if n := newByID[nid]; n != nil && free(o, n) {
			link(o, n, ByHand)
		}
	}
	// 2. By lineage: the new element was copied from the old one (or both
	// from the same element).
	for _, n := range nu {
		for _, o := range ou {
			if unpaired[o.ID] || !free(o, n) || o.Kind != n.Kind {
				continue
			}
			if n.Origin == o.ID || o.Origin == n.ID || (n.Origin != "" && n.Origin == o.Origin) || n.ID == o.ID {
				link(o, n, ByLineage)
				break
			}
		}
	}
	// 3. By code, same kind.
	codes := map[string]*Unit{}
	for _, o := range ou {
		if o.Code != "" && pairOfOld[o.ID] == nil && !unpaired[o.ID] {
			codes[string(o.Kind)+"|"+o.Code] = o
		}
	}
	for _, n := range nu {
		if o := codes[string(n.Kind)+"|"+n.Code]; o != nil && n.Code != "" && free(o, n) {
			link(o, n, ByCode)
		}
	}
	// 4. By likeness, best first, across the structures too. Only the units
	// still without a partner take part (and make up the corpus whose
	// word weights measure likeness).
	var rest []*Unit
	for _, u := range ou {
		if pairOfOld[u.ID] == nil && !unpaired[u.ID] {
			rest = append(rest, u)
		}
	}
	for _, u := range nu {
		if pairOfNew[u.ID] == nil {
			rest = append(rest, u)
		}
	}
	corpus := newCorpus(rest)
	for _, u := range rest {
		u.vec, u.core = corpus.vector(u, true), corpus.vector(u, false)
		u.hasVec = true
	}
	type cand struct {
		o, n *Unit
		sim  float64
	}
	var cands []cand
	index := map[int32][]*Unit{} // token → new units holding it
	for _, n := range nu {
		if pairOfNew[n.ID] == nil {
			for _, t := range n.vec.ids {
				index[t] = append(index[t], n)
			}
		}
	}
	for _, o := range ou {
		if pairOfOld[o.ID] != nil || unpaired[o.ID] || !o.hasVec {
			continue
		}
		seen := map[*Unit]bool{}
		for _, t := range o.vec.ids {
			for _, n := range index[t] {
				if seen[n] || level(n.Kind) != level(o.Kind) {
					continue
				}
				seen[n] = true
				min := opt.MinSimilarity
				if n.Kind != o.Kind {
					min /= 2
				}
				if s := likeness(o, n); s >= min {
					cands = append(cands, cand{o, n, s})
				}
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].sim != cands[j].sim {
			return cands[i].sim > cands[j].sim
		}
		return cands[i].o.ID+cands[i].n.ID < cands[j].o.ID+cands[j].n.ID
	})
	for _, c := range cands {
		if free(c.o, c.n) {
			link(c.o, c.n, BySimilarity)
			pairOfOld[c.o.ID].Similarity = c.sim
		}
	}
	// 5. The rest: removed and added.
	for _, o := range ou {
		if pairOfOld[o.ID] == nil {
			p := &Pair{Old: o, Status: Removed}
			pairOfOld[o.ID] = p
			pairs = append(pairs, p)
		}
	}
	for _, n := range nu {
		if pairOfNew[n.ID] == nil {
			p := &Pair{New: n, Status: Added}
			pairOfNew[n.ID] = p
			pairs = append(pairs, p)
		}
	}

	res := &Result{Old: old, New: new, Summary: Summary{}}
	names := newNamer(opt)
	for _, p := range pairs {
		if p.Old != nil && p.New != nil {
			diffPair(p, names)
			// Moved: under a parent that is not the partner of its old
			// parent. Between kinds (a werkproces that became a
			// werkzaamheid) every parent differs, so that is a change.
			moved := false
			if p.Old.Kind == p.New.Kind && p.Old.ParentID != "" {
				pp := pairOfOld[p.Old.ParentID]
				moved = pp == nil || pp.New == nil || pp.New.ID != p.New.ParentID
			}
			switch {
			case moved:
				p.Status = Moved
			case p.Changed:
				p.Status = Modified
			default:
				p.Status = Unchanged
			}
		}
		res.Summary[p.Status]++
	}
	res.Pairs = order(pairs, nu, ou, pairOfNew)
	res.Competenties = names.diff(allComps(ou), allComps(nu))
	return res
}

// order puts the pairs in the new profile's document order, with removed
// old elements after the pair of the element that preceded them.
func order(pairs []*Pair, nu, ou []*Unit, pairOfNew map[string]*Pair) []*Pair {
	var out []*Pair
	placed := map[*Pair]bool{}
	for _, n := range nu {
		p := pairOfNew[n.ID]
		if !placed[p] {
			out = append(out, p)
			placed[p] = true
		}
	}
	// Removed ones: after the pair of their old predecessor.
	for i, o := range ou {
		var p *Pair
		for _, q := range pairs {
			if q.Old == o {
				p = q
			}
		}
		if placed[p] {
			continue
		}
		at := 0
		for k := i - 1; k >= 0 && at == 0; k-- {
			for j, q := range out {
				if q.Old == ou[k] {
					at = j + 1
					break
				}
			}
		}
		out = append(out[:at], append([]*Pair{p}, out[at:]...)...)
		placed[p] = true
	}
	return out
}

func allComps(us []*Unit) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.Competenties...)
	}
	return out
}

// diffPair fills in the word diffs of a pair and whether it changed.
func diffPair(p *Pair, names *namer) {
	o, n := p.Old, p.New
	p.Title = WordDiff(o.Title, n.Title)
	p.Body = WordDiff(o.Body, n.Body)
	p.Changed = Changed(p.Title) || Changed(p.Body) || o.Code != n.Code || o.Kind != n.Kind
	kinds := map[app.Kind]bool{}
	for k := range o.Lists {
		kinds[k] = true
	}
	for k := range n.Lists {
		kinds[k] = true
	}
	for _, k := range []app.Kind{app.KindResultaat, app.KindKennis, app.KindVaardigheid, app.KindKennisVaardigheid} {
		if !kinds[k] {
			continue
		}
		ld := ListDiff{Kind: k, Items: diffLists(o.Lists[k], n.Lists[k])}
		for _, it := range ld.Items {
			if it.Status != Unchanged {
				p.Changed = true
			}
		}
		if len(ld.Items) > 0 {
			p.Lists = append(p.Lists, ld)
		}
	}
	p.Competenties = names.diff(o.Competenties, n.Competenties)
	if len(p.Competenties.OnlyOld) > 0 || len(p.Competenties.OnlyNew) > 0 {
		p.Changed = true
	}
}

// diffLists matches list items one to one (by lineage, then equal text,
// then likeness) and diffs the words of each match.
func diffLists(old, new []*app.Line) []ItemDiff {
	used := map[int]bool{}
	match := make([]int, len(new))
	for j := range match {
		match[j] = -1
	}
	try := func(ok func(o, n *app.Line) bool) {
		for j, n := range new {
			if match[j] >= 0 {
				continue
			}
			for i, o := range old {
				if !used[i] && ok(o, n) {
					match[j], used[i] = i, true
					break
				}
			}
		}
	}
	try(func(o, n *app.Line) bool { return n.Origin != "" && n.Origin == o.ID })
	try(func(o, n *app.Line) bool { return o.Text == n.Text })
	try(func(o, n *app.Line) bool { return lineSimilarity(o.Text, n.Text) >= 0.5 })
	var out []ItemDiff
	nextOld := 0
	flushOld := func(upto int) {
		for ; nextOld < upto; nextOld++ {
			if !used[nextOld] {
				out = append(out, ItemDiff{Old: old[nextOld].Text, Status: Removed})
			}
		}
	}
	for j, n := range new {
		if i := match[j]; i >= 0 {
			flushOld(i)
			spans := WordDiff(old[i].Text, n.Text)
			st := Unchanged
			if Changed(spans) {
				st = Modified
			}
			out = append(out, ItemDiff{Old: old[i].Text, New: n.Text, Spans: spans, Status: st})
		} else {
			out = append(out, ItemDiff{New: n.Text, Status: Added})
		}
	}
	flushOld(len(old))
	return out
}

// lineSimilarity is the share of words two lines have in common.
func lineSimilarity(a, b string) float64 {
	wa, wb := strings.Fields(fold(a)), strings.Fields(fold(b))
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	set := map[string]bool{}
	for _, w := range wa {
		set[w] = true
	}
	common := 0
	for _, w := range wb {
		if set[w] {
			common++
			delete(set, w)
		}
	}
	return 2 * float64(common) / float64(len(wa)+len(wb))
}

func fold(s string) string { return app.Fold(s) }

// CompareAllPairs is the naive way to pair: every old unit against every
// new unit by likeness, best first. It exists as the baseline that the
// benchmarks measure Compare against.
func CompareAllPairs(old, new *app.Profile) int {
	ou, nu := Units(old), Units(new)
	all := append(append([]*Unit{}, ou...), nu...)
	corpus := newCorpus(all)
	for _, u := range all {
		u.vec, u.core = corpus.vector(u, true), corpus.vector(u, false)
	}
	type cand struct {
		o, n int
		s    float64
	}
	var cs []cand
	for i, o := range ou {
		for j, n := range nu {
			cs = append(cs, cand{i, j, likeness(o, n)})
		}
	}
	sort.Slice(cs, func(a, b int) bool { return cs[a].s > cs[b].s })
	usedO, usedN := map[int]bool{}, map[int]bool{}
	pairs := 0
	for _, c := range cs {
		if !usedO[c.o] && !usedN[c.n] {
			usedO[c.o], usedN[c.n] = true, true
			pairs++
		}
	}
	return pairs
}
