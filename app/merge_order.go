package app

import "sort"

// Merging the order of siblings. Each list (the resultaat lines of one
// werkproces, the werkzaamheden of one rol …) is ordered by one side: the
// incoming side when only it reordered what both had, the local side
// otherwise. Elements the other side added are put after their nearest
// predecessor on that side, behind what the first side added there; so two
// lines appended on both sides end up one after the other, the same way
// every time.

type listKey struct {
	parent string
	kind   Kind
}

// mergeOrder gives the merged elements their positions and returns them.
func mergeOrder(elems map[string]Element, local, incoming, base *Profile) []Element {
	lists := map[listKey][]string{}
	for id, e := range elems {
		k := listKey{e.ParentID, e.Kind}
		lists[k] = append(lists[k], id)
	}
	lo, io, bo := orders(local), orders(incoming), orders(base)
	out := make([]Element, 0, len(elems))
	for k, ids := range lists {
		in := map[string]bool{}
		for _, id := range ids {
			in[id] = true
		}
		primary, other := lo[k], io[k]
		if base != nil && !sameRelativeOrder(io[k], bo[k]) && sameRelativeOrder(lo[k], bo[k]) {
			primary, other = io[k], lo[k]
		}
		seq := weave(filter(primary, in), filter(other, in))
		// Anything still missing (its side's list moved elsewhere) goes last,
		// by ID for a stable result.
		placed := map[string]bool{}
		for _, id := range seq {
			placed[id] = true
		}
		var rest []string
		for _, id := range ids {
			if !placed[id] {
				rest = append(rest, id)
			}
		}
		sort.Strings(rest)
		for i, id := range append(seq, rest...) {
			e := elems[id]
			e.Position = i
			out = append(out, e)
		}
	}
	return out
}

// orders lists, per list, the element IDs of a profile in order.
func orders(p *Profile) map[listKey][]string {
	out := map[listKey][]string{}
	if p == nil {
		return out
	}
	for _, e := range p.Elements() { // document order is list order
		k := listKey{e.ParentID, e.Kind}
		out[k] = append(out[k], e.ID)
	}
	return out
}

func filter(ids []string, keep map[string]bool) []string {
	var out []string
	for _, id := range ids {
		if keep[id] {
			out = append(out, id)
		}
	}
	return out
}

// sameRelativeOrder reports whether the elements a and b share stand in
// the same order in both.
func sameRelativeOrder(a, b []string) bool {
	inB := map[string]bool{}
	for _, id := range b {
		inB[id] = true
	}
	inA := map[string]bool{}
	for _, id := range a {
		inA[id] = true
	}
	ca, cb := filter(a, inB), filter(b, inA)
	for i := range ca {
		if ca[i] != cb[i] {
			return false
		}
	}
	return true
}

// weave puts the elements of other that primary lacks after their nearest
// predecessor in other, behind whatever primary itself added there.
func weave(primary, other []string) []string {
	seq := append([]string(nil), primary...)
	inOther := map[string]bool{}
	for _, id := range other {
		inOther[id] = true
	}
	for i, id := range other {
		if indexOf(seq, id) >= 0 {
			continue
		}
		at := 0 // no predecessor: first
		for j := i - 1; j >= 0; j-- {
			if p := indexOf(seq, other[j]); p >= 0 {
				at = p + 1
				// Skip what only primary added right after it.
				for at < len(seq) && !inOther[seq[at]] {
					at++
				}
				break
			}
		}
		seq = append(seq[:at], append([]string{id}, seq[at:]...)...)
	}
	return seq
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}
