package export

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// caseTree is the isChildOf hierarchy of a package: every item's parent
// (the document's id at the top) and children in order.
type caseTree struct {
	parent   map[string]string
	children map[string][]*caseItem
	roots    []*caseItem // the document's children
	levels   int
	childOf  int // isChildOf associations used
}

// buildTree reads the isChildOf associations. An item under a parent that
// is neither the document nor an item of the package, or under itself
// through its parents, is refused with a sentence naming it. An item
// without a parent goes at the top (a repair); an item under two parents
// stays under the first.
func buildTree(pkg *casePackage, rep *ImportReport) (*caseTree, error) {
	t := &caseTree{parent: map[string]string{}, children: map[string][]*caseItem{}}
	links, err := t.readParents(pkg, rep)
	if err != nil {
		return nil, err
	}
	if err := t.checkCycles(pkg); err != nil {
		return nil, err
	}
	seq := map[string]caseAssoc{}
	for _, a := range links {
		child := pkg.byID[a.origin.Identifier]
		seq[child.id] = a
		t.children[a.dest.Identifier] = append(t.children[a.dest.Identifier], child)
	}
	orphans := 0
	for _, it := range pkg.items {
		if _, ok := t.parent[it.id]; !ok {
			t.parent[it.id] = pkg.doc.id
			t.children[pkg.doc.id] = append(t.children[pkg.doc.id], it)
			orphans++
		}
	}
	if orphans > 0 && !pkg.isProfile() {
		rep.repaired("%d item(s) zonder isChildOf; bovenaan in de hiërarchie gezet.", orphans)
	}
	for id, cs := range t.children {
		sortChildren(cs, seq)
		t.children[id] = cs
	}
	t.roots = t.children[pkg.doc.id]
	t.levels = t.depth(pkg.doc.id, 0)
	return t, nil
}

// readParents takes each item's first isChildOf association as its place,
// and refuses a parent that is not in the package.
func (t *caseTree) readParents(pkg *casePackage, rep *ImportReport) ([]caseAssoc, error) {
	var links []caseAssoc
	extra := 0
	for _, a := range pkg.assocs {
		if !strings.EqualFold(a.typ, "isChildOf") {
			continue
		}
		child := pkg.byID[a.origin.Identifier]
		if child == nil {
			continue // reported with the associations that are not used
		}
		dest := a.dest.Identifier
		if dest != pkg.doc.id && pkg.byID[dest] == nil {
			return nil, refuse("Het item %s hangt onder %s, dat niet in het CASE-pakket staat.", child.label(), quoted(firstNonEmpty(a.dest.Title, dest)))
		}
		if _, ok := t.parent[child.id]; ok {
			extra++
			continue
		}
		t.parent[child.id] = dest
		links = append(links, a)
		t.childOf++
	}
	if extra > 0 {
		rep.skipped("%d isChildOf-associatie(s) die een item onder een tweede ouder zetten; een competentiemodel is een boom, het item staat onder zijn eerste ouder.", extra)
	}
	return links, nil
}

// checkCycles refuses an item that is its own ancestor.
func (t *caseTree) checkCycles(pkg *casePackage) error {
	for _, it := range pkg.items {
		seen := map[string]bool{it.id: true}
		for p, ok := t.parent[it.id]; ok; p, ok = t.parent[p] {
			if seen[p] {
				return refuse("Het item %s hangt via zijn ouders onder zichzelf (een kring in de isChildOf-associaties).", it.label())
			}
			seen[p] = true
		}
	}
	return nil
}

func (t *caseTree) depth(id string, d int) int {
	best := d
	for _, c := range t.children[id] {
		best = max(best, t.depth(c.id, d+1))
	}
	return best
}

// sortChildren orders siblings as CASE tools do: by sequenceNumber, then
// listEnumeration, then humanCodingScheme (numbers as numbers), then their
// place in the file.
func sortChildren(cs []*caseItem, seq map[string]caseAssoc) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := seq[cs[i].id], seq[cs[j].id]
		if a.hasSeq != b.hasSeq {
			return a.hasSeq
		}
		if a.hasSeq && a.seq != b.seq {
			return a.seq < b.seq
		}
		if c := naturalCompare(cs[i].enum, cs[j].enum); c != 0 {
			return c < 0
		}
		if c := naturalCompare(cs[i].code, cs[j].code); c != 0 {
			return c < 0
		}
		return cs[i].index < cs[j].index
	})
}

// naturalCompare compares codes with their numbers as numbers: "1.2" <
// "1.10".
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		na, ra := leadingNumber(a)
		nb, rb := leadingNumber(b)
		if na >= 0 && nb >= 0 {
			if na != nb {
				return compareInts(na, nb)
			}
			a, b = ra, rb
			continue
		}
		if a[0] != b[0] {
			return compareInts(int(a[0]), int(b[0]))
		}
		a, b = a[1:], b[1:]
	}
	return compareInts(len(a), len(b))
}

func leadingNumber(s string) (int, string) {
	i := 0
	for i < len(s) && unicode.IsDigit(rune(s[i])) {
		i++
	}
	if i == 0 || i > 9 {
		return -1, s
	}
	n, _ := strconv.Atoi(s[:i])
	return n, s[i:]
}

func compareInts(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// walk visits the items below id in order, depth first.
func (t *caseTree) walk(id string, visit func(it *caseItem, parent string)) {
	for _, c := range t.children[id] {
		visit(c, id)
		t.walk(c.id, visit)
	}
}
