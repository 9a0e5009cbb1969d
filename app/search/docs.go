package search

import (
	"math"
	"sort"
	"strings"

	"bcpeditor/app"
	"bcpeditor/app/taal"
)

// The slots of a document's texts in its postings.
const (
	slotTitle = iota // a title or a competentie's name
	slotBody         // a beschrijving, toelichting or werkzaamheid
	slotLine         // a resultaat, kennis, vaardigheid or list line
	numSlots
)

// slotFields are the fields the slots stand for.
var slotFields = [numSlots]Field{FieldTitle, FieldBody, FieldLine}

// doc is one element as the index keeps it.
type doc struct {
	Item
	texts  [numSlots]string
	parent *Parent
	code   string // Code folded, for matching
	// parentCode: Code is the werkproces's or rol's, not the element's own.
	parentCode bool
	seg        int32
	analysis
}

// analysis is what the analysis of a document's texts found. Once the
// document is posted it holds only numbers (no strings for the garbage
// collector to trace), and it is never changed again, so an unchanged
// element shares it with its previous version.
type analysis struct {
	norm [numSlots]uint8 // how much a match in a slot counts, by its length (percent)
	// Until posted: the distinct words and alternative stems per slot.
	words []docWord
	alts  []docAlt
	// Once posted: word ID<<2 | slot, and stem ID<<2 | slot with the
	// token the stem stands at.
	wordIDs, altIDs []uint32
	altToks         []uint16
}

// textKey identifies a document's texts.
func (d *doc) textKey() string {
	return d.texts[slotTitle] + "\x00" + d.texts[slotBody] + "\x00" + d.texts[slotLine]
}

// reuse takes the analysis of the same texts from before.
func (d *doc) reuse(a analysis) {
	d.code = normCode(d.Code)
	d.analysis = a
}

type docWord struct {
	word, stem string
	slot       uint8
}

// docAlt is a stem that a word of a text stands for besides its own.
type docAlt struct {
	stem string
	slot uint8
	tok  uint16 // the word's place among the slot's tokens
}

func catalogueDoc(c *app.Catalogue, k *app.Competentie) doc {
	d := doc{Item: Item{Kind: KindCatalogus, ProfileTitle: c.Name, ElementID: k.ID, Code: k.Code, Text: k.Name}}
	d.texts[slotTitle], d.texts[slotBody] = k.Name, k.Beschrijving
	return d
}

// profileDocs makes the documents of a profile's elements, and collects
// its competentie uses by catalogue entry.
func profileDocs(p *app.Profile, cats []*app.Catalogue) ([]doc, map[string][]Use) {
	elems := p.Elements()
	byID := make(map[string]app.Element, len(elems))
	for _, e := range elems {
		byID[e.ID] = e
	}
	parentOf := func(e app.Element) *Parent {
		pe, ok := byID[e.ParentID]
		if !ok {
			return nil
		}
		return &Parent{ID: pe.ID, Kind: pe.Kind, Code: pe.Code, Title: pe.Label()}
	}
	known := map[string]bool{}
	if c := app.CatalogueByID(cats, p.CatalogueID); c != nil {
		for _, k := range c.Competenties {
			known[k.ID] = true
		}
	}
	var docs []doc
	uses := map[string][]Use{}
	for _, e := range elems {
		if e.Kind == app.KindCompetentie {
			if par := parentOf(e); par != nil && known[e.Ref] {
				uses[e.Ref] = append(uses[e.Ref], Use{ProfileID: p.ID, ProfileTitle: p.Title, ElementID: e.ID, Parent: *par})
			}
			continue
		}
		if d, ok := elementDoc(p, e, parentOf(e)); ok {
			docs = append(docs, d)
		}
	}
	for _, us := range uses {
		sortUses(us)
	}
	return docs, uses
}

// elementDoc makes the document of one element; ok is false for an
// element without text.
func elementDoc(p *app.Profile, e app.Element, par *Parent) (doc, bool) {
	d := doc{Item: Item{Kind: e.Kind, ProfileID: p.ID, ProfileTitle: p.Title, ElementID: e.ID, ParentID: e.ParentID, Code: e.Code}, parent: par}
	switch e.Kind {
	case app.KindKerntaak, app.KindWerkproces, app.KindRol, app.KindSectie, app.KindTrend, app.KindLijst:
		d.texts[slotTitle], d.texts[slotBody], d.Text = e.Title, e.Body, e.Title
	case app.KindWerkzaamheid:
		d.texts[slotBody], d.Text = e.Body, e.Body
		if par != nil && par.Code != "" && e.Code != "" {
			d.Code = par.Code + "." + e.Code
		}
	default: // the lines
		d.texts[slotLine], d.Text = e.Body, e.Body
		if par != nil {
			d.Code, d.parentCode = par.Code, true
		}
	}
	if strings.TrimSpace(d.texts[slotTitle]+d.texts[slotBody]+d.texts[slotLine]) == "" {
		return doc{}, false
	}
	if d.Text == "" {
		d.Text = d.texts[slotBody]
	}
	return d, true
}

func sortUses(us []Use) {
	sort.SliceStable(us, func(a, b int) bool {
		if us[a].ProfileTitle != us[b].ProfileTitle {
			return us[a].ProfileTitle < us[b].ProfileTitle
		}
		return codeLess(us[a].Parent.Code, us[b].Parent.Code)
	})
}

// codeLess orders codes as numbers where they are: "2.10" after "2.9".
func codeLess(a, b string) bool {
	pa, pb := strings.FieldsFunc(a, isCodeSep), strings.FieldsFunc(b, isCodeSep)
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] != pb[i] {
			if len(pa[i]) != len(pb[i]) && isDigits(pa[i]) && isDigits(pb[i]) {
				return len(pa[i]) < len(pb[i])
			}
			return pa[i] < pb[i]
		}
	}
	return len(pa) < len(pb)
}

func isCodeSep(r rune) bool { return r == '.' || r == '-' || r == ' ' }

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// analyse finds the distinct words and alternative stems of each slot,
// and how much a match in each slot counts by its length.
func (d *doc) analyse(an *taal.Analyser) {
	d.code = normCode(d.Code)
	for s := 0; s < numSlots; s++ {
		if d.texts[s] == "" {
			continue
		}
		terms := an.Analyse(d.texts[s])
		d.norm[s] = lengthNorm(len(terms))
		seen := map[string]bool{}
		for _, t := range terms {
			if !t.Stop && !seen[t.Word] {
				seen[t.Word] = true
				d.words = append(d.words, docWord{t.Word, t.Stem, uint8(s)})
			}
			for _, a := range t.Alts {
				d.alts = append(d.alts, docAlt{a, uint8(s), uint16(min(t.Index, 0xffff))})
			}
		}
	}
}

// lengthNorm is how much a match counts in a text of n words, in percent:
// all of it in a short title, about two thirds in a beschrijving of a
// hundred words.
func lengthNorm(n int) uint8 {
	return uint8(100 / (1 + 0.15*math.Log2(1+float64(n)/8)))
}

// normCode folds a code for matching: "B1-K1-W2" → "b1-k1-w2".
func normCode(c string) string { return strings.Join(strings.Fields(taal.Fold(c)), " ") }

// kindNumbers number the kinds for the scan's filter.
var kindNumbers = map[app.Kind]uint8{}

func kindNumber(k app.Kind) uint8 {
	if n, ok := kindNumbers[k]; ok {
		return n
	}
	return 0
}

func init() {
	for i, k := range allKinds {
		kindNumbers[k] = uint8(i + 1)
	}
}

var allKinds = []app.Kind{KindCatalogus, app.KindSectie, app.KindLijst, app.KindLijstItem, app.KindTrend,
	app.KindKerntaak, app.KindWerkproces, app.KindRol, app.KindWerkzaamheid, app.KindCompetentie,
	app.KindResultaat, app.KindKennis, app.KindVaardigheid, app.KindKennisVaardigheid}

// kindStems are the stems of the words of a kind's name: a query word
// "rol" or "werkprocessen" finds elements of that kind.
func kindStems(k app.Kind) []string { return kindStemsOf[k] }

var kindStemsOf = map[app.Kind][]string{}

func init() {
	for _, k := range allKinds {
		label := k.Label()
		if k == KindCatalogus {
			label = "competentie"
		}
		for _, t := range taal.Tokens(label) {
			if !taal.IsStop(t.Word) {
				kindStemsOf[k] = append(kindStemsOf[k], taal.Stem(t.Word))
			}
		}
	}
}
