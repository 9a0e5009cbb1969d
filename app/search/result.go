package search

import "bcpeditor/app"

// KindCatalogus marks a competentie of a competency model itself: the one
// result for a competentie, naming where profiles use it.
const KindCatalogus app.Kind = "catalogus"

// Item is the element a result is about.
type Item struct {
	Kind         app.Kind
	ProfileID    string // "" for catalogue competenties
	ProfileTitle string // or the catalogue's name
	ElementID    string // the element; for a competentie in a profile, the ref's ID
	ParentID     string // the werkproces or rol a line or competentie belongs to
	Code         string // the element's code; for a line, its werkproces's or rol's
	Text         string // the element's own text: its title, or a line's text
}

// Field names the part of an element a match was found in. Matches in a
// title count most, then in a code, a beschrijving, and a line.
type Field string

// The fields of an element.
const (
	FieldTitle Field = "titel"        // title of a kerntaak, werkproces, rol, sectie …, a competentie's name
	FieldCode  Field = "code"         // "3.4", "2", "B1-K1-W2"
	FieldBody  Field = "beschrijving" // beschrijving, toelichting, a werkzaamheid's text
	FieldLine  Field = "regel"        // a resultaat, kennis, vaardigheid or list line
)

// Range is a stretch of runes [Start, End) to show in bold.
type Range struct{ Start, End int }

// Parent is the werkproces, rol or kerntaak an element belongs to.
type Parent struct {
	ID    string
	Kind  app.Kind
	Code  string
	Title string
}

// Use is one place where a profile uses a competentie.
type Use struct {
	ProfileID    string
	ProfileTitle string
	ElementID    string // the competentie ref in the profile
	Parent       Parent // the werkproces or rol that names it
}

// Result is one hit: one element, however many of its fields matched.
type Result struct {
	Item
	// Score orders the results: first how many of the query's words
	// matched, then how well (exact word > stem > prefix > compound part
	// > typo), where (title > code > beschrijving > line), and how close
	// together. Only the order means something.
	Score int
	// Highlights and Uses may be shared between results: read them, do
	// not change them.
	// Field is where the best match is; Snippet is that field's text, or
	// the stretch of it where the words matched, with white space made
	// single spaces and "…" where it was cut. Highlights are the matched
	// letters as rune ranges into Snippet, in order, not overlapping.
	Field      Field
	Snippet    string
	Highlights []Range
	// Parent is the werkproces, rol or kerntaak of a line, werkzaamheid,
	// werkproces or competentie use; nil at the top.
	Parent *Parent
	// Uses are the places where a competentie is used, ordered by
	// profile title and code (only for competenties). The slice may be
	// shared between results: read it, do not change it.
	Uses []Use
	// WordsMatched of QueryWords of the query's words matched.
	WordsMatched, QueryWords int
}

// Options narrow a search.
type Options struct {
	ProfileID string            // only this profile's elements
	Kinds     map[app.Kind]bool // only these kinds; nil or empty: all
	Limit     int               // at most this many results; 0: 50
}
