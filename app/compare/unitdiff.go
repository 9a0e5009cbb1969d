package compare

import (
	"strings"

	"bcpeditor/app"
)

// listKinds are the lists a diff compares, in the order it shows them.
var listKinds = []app.Kind{app.KindResultaat, app.KindKennis, app.KindVaardigheid, app.KindKennisVaardigheid}

// diffUnits compares two linked elements word by word and reports whether
// their content differs.
func diffUnits(o, n *Unit, names *namer) (*Diff, bool) {
	d := &Diff{Title: WordDiff(o.Title, n.Title), Body: WordDiff(o.Body, n.Body)}
	changed := Changed(d.Title) || Changed(d.Body) || o.Code != n.Code || o.Kind != n.Kind
	for _, k := range listKinds {
		if len(o.Lists[k]) == 0 && len(n.Lists[k]) == 0 {
			continue
		}
		ld := ListDiff{Kind: k, Items: diffLists(o.Lists[k], n.Lists[k])}
		for _, it := range ld.Items {
			if it.Status != Unchanged {
				changed = true
			}
		}
		d.Lists = append(d.Lists, ld)
	}
	d.Competenties = names.diff(o.Competenties, n.Competenties)
	if len(d.Competenties.OnlyOld) > 0 || len(d.Competenties.OnlyNew) > 0 {
		changed = true
	}
	return d, changed
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
		i := match[j]
		if i < 0 {
			out = append(out, ItemDiff{New: n.Text, Status: Added})
			continue
		}
		flushOld(i)
		spans := WordDiff(old[i].Text, n.Text)
		st := Unchanged
		if Changed(spans) {
			st = Modified
		}
		out = append(out, ItemDiff{Old: old[i].Text, New: n.Text, Spans: spans, Status: st})
	}
	flushOld(len(old))
	return out
}

// lineSimilarity is the share of words two lines have in common.
func lineSimilarity(a, b string) float64 {
	wa, wb := strings.Fields(app.Fold(a)), strings.Fields(app.Fold(b))
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
