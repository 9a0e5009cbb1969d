// Package search finds elements of the library as a designer means them:
// it ranks like a Dutch full-text engine and forgives typos and
// abbreviations like a fuzzy finder, fast enough to search at every
// keystroke.
//
// Every element is one document with fields (title, code, beschrijving,
// line), analysed by bcpeditor/app/taal: words folded, stemmed, separable
// verbs and elisions resolved. A query word matches a word of the text
// exactly, by stem (also "uitbrengen" ↔ "brengt … uit", "onderhandelen"
// ↔ "onderhandelt"), as the start of a word, as a part of a compound
// ("signalen" in "weerstandssignalen"), or with a typo ("comercieel") or
// letters left out ("klntgericht"), in that order of worth. Results are
// ordered by how many query words matched, how well and where (title >
// code > beschrijving > line), how close together, and shorter texts
// first. Codes ("3.4", "B1-K1-W2", "rol 2") find their element. A
// competentie is one result, naming where it is used.
//
// The index is an inverted index over the vocabulary with tombstones: an
// edited profile's old documents are marked dead and its new ones added,
// and the postings are compacted when the dead outnumber the living.
package search

import (
	"slices"
	"strings"
	"sync"

	"bcpeditor/app"
	"bcpeditor/app/taal"
)

// Index is the searchable library. Its methods are safe for concurrent use.
type Index struct {
	mu   sync.RWMutex
	an   *taal.Analyser
	voc  vocab
	docs []doc
	// Hot per-document facts in their own slices, for the scan.
	dead    []bool
	kindNum []uint8
	segNum  []int32
	norm    [][numSlots]uint8
	segs    map[string]*segment // by profile ID; "" for the catalogues
	nextSeg int32
	live    int

	codes    map[string][]int32  // folded code → documents (doc<<1, | 1 for a line's parent code)
	kindPost map[string][]uint32 // stem of a kind's name → postings
	gen      int                 // bumped on every change

	cache wordCache
	uses  struct { // catalogue competentie ID → its uses, for the current gen
		mu    sync.Mutex
		gen   int
		m     map[string][]Use
		order []*segment // the segments with uses, by profile title
	}
}

// segment is what one profile (or the catalogues) put into the index.
type segment struct {
	num   int32
	title string // the profile's
	docs  []int32
	uses  map[string][]Use // catalogue competentie ID → its uses here
}

// New makes an empty index.
func New() *Index {
	return &Index{an: taal.NewAnalyser(nil), voc: newVocab(), segs: map[string]*segment{},
		codes: map[string][]int32{}, kindPost: map[string][]uint32{}}
}

// Build indexes catalogues and profiles.
func Build(cats []*app.Catalogue, profiles []*app.Profile) *Index {
	ix := New()
	ix.SetCatalogues(cats)
	for _, p := range profiles {
		ix.SetProfile(p, cats)
	}
	return ix
}

// Len is the number of elements in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// SetCatalogues indexes the competenties of the competency models.
func (ix *Index) SetCatalogues(cats []*app.Catalogue) {
	var docs []doc
	for _, c := range cats {
		for _, k := range c.Competenties {
			docs = append(docs, catalogueDoc(c, k))
		}
	}
	ix.replace("", "", docs, nil)
}

// SetProfile (re)indexes one profile after it was loaded or edited.
func (ix *Index) SetProfile(p *app.Profile, cats []*app.Catalogue) {
	docs, uses := profileDocs(p, cats)
	ix.replace(p.ID, p.Title, docs, uses)
}

// RemoveProfile drops a deleted profile from the index.
func (ix *Index) RemoveProfile(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.drop(id)
	ix.gen++
}

// replace puts a segment's new documents in place of its old ones. The
// analysis runs before the lock is taken, so searches go on meanwhile.
func (ix *Index) replace(key, title string, docs []doc, uses map[string][]Use) {
	before := ix.analysed(key)
	for i := range docs {
		if old, ok := before[docs[i].textKey()]; ok {
			docs[i].reuse(old) // an edit changes one element: the rest is known
		} else {
			docs[i].analyse(ix.an)
		}
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.drop(key)
	seg := &segment{num: ix.nextSeg, title: title, uses: uses}
	ix.nextSeg++
	ix.segs[key] = seg
	for i := range docs {
		seg.docs = append(seg.docs, ix.add(&docs[i], seg.num))
	}
	ix.voc.settle()
	if dead := len(ix.docs) - ix.live; dead > 1000 && dead > ix.live {
		ix.compact()
	}
	ix.gen++
}

// analysed are the analyses of a segment's current documents, by their
// texts.
func (ix *Index) analysed(key string) map[string]analysis {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	seg := ix.segs[key]
	if seg == nil {
		return nil
	}
	out := make(map[string]analysis, len(seg.docs))
	for _, d := range seg.docs {
		out[ix.docs[d].textKey()] = ix.docs[d].analysis
	}
	return out
}

// drop marks a segment's documents dead.
func (ix *Index) drop(key string) {
	seg := ix.segs[key]
	if seg == nil {
		return
	}
	for _, d := range seg.docs {
		ix.dead[d] = true
	}
	ix.live -= len(seg.docs)
	delete(ix.segs, key)
}

// add files an analysed document under a new ID and returns it.
func (ix *Index) add(d *doc, seg int32) int32 {
	id := int32(len(ix.docs))
	d.seg = seg
	ix.docs = append(ix.docs, *d)
	ix.dead = append(ix.dead, false)
	ix.kindNum = append(ix.kindNum, kindNumber(d.Kind))
	ix.segNum = append(ix.segNum, seg)
	ix.norm = append(ix.norm, d.norm)
	ix.live++
	ix.post(id)
	return id
}

// post adds a document's postings: its words, the stems it stands for,
// its code and its kind.
func (ix *Index) post(id int32) {
	d := &ix.docs[id]
	if d.wordIDs == nil && d.altIDs == nil {
		ix.number(&d.analysis)
	}
	for _, x := range d.wordIDs {
		wid, slot := x>>2, x&3
		p := uint32(id)<<2 | slot
		ix.voc.posts[slot][wid] = append(ix.voc.posts[slot][wid], p)
	}
	for i, x := range d.altIDs {
		if !slices.Contains(d.altIDs[:i], x) {
			sid := x >> 2
			ix.voc.altPost[sid] = append(ix.voc.altPost[sid], uint32(id)<<2|x&3)
		}
	}
	if d.code != "" {
		x := id << 1
		if d.parentCode {
			x |= 1
		}
		ix.codes[d.code] = append(ix.codes[d.code], x)
	}
	for _, k := range kindStems(d.Kind) {
		ix.kindPost[k] = append(ix.kindPost[k], uint32(id)<<2) // counted as a kind, not a slot
	}
}

// number turns an analysis's words and stems into vocabulary IDs, once.
func (ix *Index) number(a *analysis) {
	a.wordIDs = make([]uint32, len(a.words))
	for i, w := range a.words {
		a.wordIDs[i] = uint32(ix.voc.word(w.word, w.stem))<<2 | uint32(w.slot)
	}
	a.altIDs = make([]uint32, len(a.alts))
	a.altToks = make([]uint16, len(a.alts))
	for i, x := range a.alts {
		a.altIDs[i] = uint32(ix.voc.stem(x.stem))<<2 | uint32(x.slot)
		a.altToks[i] = x.tok
	}
	a.words, a.alts = nil, nil
}

// compact drops the dead documents and rebuilds the postings from the
// living ones (their analysis is kept, so nothing is analysed again).
func (ix *Index) compact() {
	old := ix.docs
	oldDead := ix.dead
	ix.docs, ix.dead, ix.kindNum, ix.segNum, ix.norm = nil, nil, nil, nil, nil
	for _, posts := range ix.voc.posts {
		for i := range posts {
			posts[i] = posts[i][:0]
		}
	}
	for i := range ix.voc.altPost {
		ix.voc.altPost[i] = ix.voc.altPost[i][:0]
	}
	ix.codes, ix.kindPost = map[string][]int32{}, map[string][]uint32{}
	renum := make(map[int32]int32, ix.live)
	ix.live = 0
	for i := range old {
		if !oldDead[i] {
			renum[int32(i)] = ix.add(&old[i], old[i].seg)
		}
	}
	for _, seg := range ix.segs {
		for k, d := range seg.docs {
			seg.docs[k] = renum[d]
		}
	}
}

// Document is what the index holds of one element, for baselines and
// diagnostics: the element and all its fields' text.
type Document struct {
	Item
	All string // title, beschrijving and line text, joined by newlines
}

// Documents lists the living elements in the index, in index order.
func (ix *Index) Documents() []Document {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var out []Document
	for i := range ix.docs {
		if ix.dead[i] {
			continue
		}
		d := &ix.docs[i]
		var parts []string
		for _, t := range d.texts {
			if t != "" {
				parts = append(parts, t)
			}
		}
		out = append(out, Document{Item: d.Item, All: strings.Join(parts, "\n")})
	}
	return out
}
