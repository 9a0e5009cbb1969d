package app

import (
	"errors"
	"fmt"
)

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

// ErrBadKoppeling is returned for a verdict on a link that cannot be
// stored; nothing is changed.
var ErrBadKoppeling = errors.New("ongeldige koppeling")

// Check says, in Dutch, why a decision cannot be stored; every library
// asks it before it writes one.
func (d Decision) Check() error {
	switch {
	case !d.Verdict.Valid():
		return fmt.Errorf("%w: onbekend besluit %q (kies hand, bevestigd of afgewezen)", ErrBadKoppeling, d.Verdict)
	case d.OldID == "" && d.NewID == "":
		return fmt.Errorf("%w: geen element gekozen", ErrBadKoppeling)
	case d.Verdict != VerdictRejected && (d.OldID == "" || d.NewID == ""):
		return fmt.Errorf("%w: een koppeling heeft een oud en een nieuw element nodig", ErrBadKoppeling)
	}
	return nil
}
