package compare

import (
	"sort"
	"strings"

	"bcpeditor/app"
)

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

// translate gives the competenties of the old side as IDs of the new
// side's model (the same IDs when both use one model).
func (n *namer) translate(ids []string) map[string]bool {
	out := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !n.cross {
			out[id] = true
			continue
		}
		for _, t := range n.mapping[id] {
			out[t] = true
		}
		if len(n.mapping[id]) == 0 {
			out[id] = true // a new-side competentie, or one without mapping
		}
	}
	return out
}
