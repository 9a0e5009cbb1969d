package compare

import "bcpeditor/app"

// How a link was made.
const (
	ByHand    = "hand"     // made or confirmed by the designer
	ByLineage = "herkomst" // the new element was copied from the old one
	ByCode    = "code"     // same kind and code, lineage lost
	ByText    = "tekst"    // the texts, lists and competenties carry over
)

// Verdict is what the designer decided about a link (kept by the library,
// hence defined in app).
type Verdict = app.Verdict

// The designer's verdicts.
const (
	Made      = app.VerdictMade      // a link the designer made
	Confirmed = app.VerdictConfirmed // a suggested link the designer accepted
	Rejected  = app.VerdictRejected  // a link that must not be made
	NoVerdict = app.NoVerdict        // the program's own link
)

// Decision is one stored verdict about a link (see app.Decision).
type Decision = app.Decision

// Link says that content of an old element carries over into a new one.
// An old element may have several links (it was split) and a new element
// too (several were merged).
type Link struct {
	Old, New *Unit
	How      string  // ByHand, ByLineage, ByCode, ByText
	Verdict  Verdict // Made or Confirmed when the designer decided it
	Strength float64 // 0..1: how much of the content the two share
	// Suggestion: a link by text below the threshold that the designer has
	// not confirmed; it does not count for the statuses.
	Suggestion bool
	// Changed: the content differs; Moved: the new element stands under
	// another parent or elsewhere among its siblings (one-to-one links of
	// elements of the same kind only).
	Changed, Moved bool
	// Diff holds the word diffs of a one-to-one link; nil otherwise.
	Diff *Diff

	texts       *textStage // what the texts share is found when first asked
	sharedDone  bool
	shared      []string
	sharedTerms map[string]bool // the terms of shared, for Marks
}

// Shared returns the phrases and telling words both elements' titles and
// texts hold, as they read in the new element; longest phrases first,
// then single words, rarest first. It is worked out when first asked (a
// view asks only for the rows it shows) and is safe to call from several
// goroutines.
func (l *Link) Shared() []string {
	l.findShared()
	return l.shared
}

func (l *Link) findShared() {
	t := l.texts
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if !l.sharedDone {
		l.shared, l.sharedTerms = t.shared(t.feat[l.Old], t.feat[l.New])
		l.sharedDone = true
	}
}

// firm reports whether the link counts for the statuses.
func (l *Link) firm() bool { return !l.Suggestion }

// Diff is the word-level comparison of two linked elements.
type Diff struct {
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

// Mapping translates competenties of one model to another: old catalogue
// entry ID → new catalogue entry IDs.
type Mapping map[string][]string

// Options steer a comparison.
type Options struct {
	OldCatalogue, NewCatalogue *app.Catalogue
	Mapping                    Mapping
	// Decisions are the designer's stored verdicts on links.
	Decisions []Decision
	// Reader, when set, reads the texts (see NewReader): keep one for the
	// two profiles a view compares again and again.
	Reader *Reader
	// Threshold is the least strength of a link by text that counts
	// without the designer's confirmation (default 0.1); weaker links
	// down to MinStrength (default 0.05) are suggestions.
	Threshold, MinStrength float64
}

func (o Options) withDefaults() Options {
	if o.Threshold == 0 {
		o.Threshold = 0.1
	}
	if o.MinStrength == 0 {
		o.MinStrength = 0.05
	}
	return o
}
