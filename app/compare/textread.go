package compare

import "bcpeditor/app"

// analyse reads the words of every element taking part, of the rollen
// that stand for their werkzaamheden and of the children of the kerntaken
// and rollen, and weighs their terms.
func (t *textStage) analyse() {
	units := t.involved()
	t.readAll(units)
	t.weigh(units)
}

// involved lists, once each, the elements whose words the stage needs.
func (t *textStage) involved() []*Unit {
	seen := map[*Unit]bool{}
	var out []*Unit
	add := func(u *Unit) {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	for _, side := range [][]*Unit{t.olds, t.news} {
		for _, u := range side {
			add(u)
			add(context(u))
			for _, ch := range u.Children {
				add(ch)
			}
		}
	}
	return out
}

// readAll reads the titles, texts and lists of the elements, spread over
// the processors (taal's analysis is safe for concurrent use; each
// element's features are written by one worker only).
func (t *textStage) readAll(units []*Unit) {
	fs := make([]*features, len(units))
	for i, u := range units {
		fs[i] = &features{unit: u, comps: t.c.names.translate(u.Competenties)}
		t.feat[u] = fs[i]
	}
	inParallel(len(fs), func(i int) { t.read1(fs[i]) })
}

// read1 reads one element's words and terms.
func (t *textStage) read1(f *features) {
	u := f.unit
	f.title, f.body = t.read.words(u.Title), t.read.words(u.Body)
	f.terms = ownTerms(f)
	for _, l := range u.Lists[app.KindResultaat] { // what the werkproces achieves says what it is
		f.terms = appendTerms(f.terms, t.read.words(l.Text))
	}
	lists := make([][]word, 0, 16)
	n := 0
	for _, k := range listKinds {
		for _, l := range u.Lists[k] {
			ws := t.read.words(l.Text)
			lists = append(lists, ws)
			n += countTerms(ws)
		}
	}
	f.listed = make([]string, 0, n)
	for _, ws := range lists {
		f.listed = appendTerms(f.listed, ws)
	}
}

// weigh counts the terms of the texts and of the lists over the elements
// taking part and gives every element its vectors (spread over the
// processors). A kerntaak or rol also carries its children's terms: they
// say what it is about.
func (t *textStage) weigh(units []*Unit) {
	t.core, t.lists = newCorpus(), newCorpus()
	ids, listIDs := map[*Unit][]int32{}, map[*Unit][]int32{}
	for _, side := range [][]*Unit{t.olds, t.news} {
		for _, u := range side {
			ids[u] = t.core.add(t.feat[u].terms)
			if cx := context(u); u.leaf() && listIDs[cx] == nil {
				listIDs[cx] = t.lists.add(t.feat[cx].listed)
			}
		}
	}
	for _, u := range units {
		if _, ok := ids[u]; !ok {
			ids[u] = t.core.lookup(t.feat[u].terms)
		}
	}
	t.core.weighTerms()
	t.lists.weighTerms()
	terms := max(len(t.core.df), len(t.lists.df))
	inParallelWith(len(units), func() *tally { return newTally(terms) }, func(tl *tally, i int) {
		u := units[i]
		t.vectors(t.feat[u], ids, listIDs[u], tl)
	})
}

// vectors gives one element its vectors from the IDs of its terms (and
// its children's) and of its lists (nil: none).
func (t *textStage) vectors(f *features, ids map[*Unit][]int32, listIDs []int32, tl *tally) {
	u := f.unit
	tl.count(ids[u])
	if len(u.Children) > 0 {
		f.own = t.core.vector(tl).ids
		tl.count(ids[u])
		for _, ch := range u.Children {
			tl.count(ids[ch])
		}
	}
	f.core = t.core.vector(tl)
	if len(u.Children) == 0 {
		f.own = f.core.ids
	}
	tl.count(t.core.lookup(termsOf(f.title)))
	f.titleVec = t.core.vector(tl)
	for _, w := range f.titleVec.w {
		f.titleSum += w
	}
	if listIDs != nil {
		tl.count(listIDs)
		f.lists = t.lists.vector(tl)
	}
}

// ownTerms are the terms of an element's title (counted twice: it says
// what the element is about) and beschrijving.
func ownTerms(f *features) []string {
	t := countTerms(f.title)
	out := appendTerms(make([]string, 0, 2*t+countTerms(f.body)), f.title)
	return appendTerms(append(out, out...), f.body)
}
