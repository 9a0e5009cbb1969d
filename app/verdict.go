package app

// Verdict is what the designer decided about a link between an old and a
// new element in a comparison (a crosswalk). The library keeps verdicts;
// app/compare uses them.
type Verdict string

// The designer's verdicts.
const (
	VerdictMade      Verdict = "hand"      // a link the designer made
	VerdictConfirmed Verdict = "bevestigd" // a suggested link the designer accepted
	VerdictRejected  Verdict = "afgewezen" // a link that must not be made
	NoVerdict        Verdict = ""          // the program's own link
)

// Valid reports whether v is one of the verdicts a designer can give.
func (v Verdict) Valid() bool {
	return v == VerdictMade || v == VerdictConfirmed || v == VerdictRejected
}

// Decision is one stored verdict about a link between an old element and a
// new one. A rejection with NewID "" says the old element has no
// counterpart at all (it is vervallen); one with OldID "" says the new
// element is really new.
type Decision struct {
	OldID, NewID string
	Verdict      Verdict
}
