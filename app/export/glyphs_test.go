package export

import (
	"strings"
	"testing"
)

// What the font cannot draw is replaced by a compatibility form or left
// out, and the note names what was left out.
func TestGlyphFilter(t *testing.T) {
	var g glyphFilter
	cases := map[string]string{
		"Beïnvloeden ‘hij’ – “klant” €": "Beïnvloeden ‘hij’ – “klant” €",
		"Item 𝑑 1":        "Item d 1",
		"ok 😀 👍🏽 klaar":   "ok   klaar",
		"bel\x07 en\ttab": "bel en tab",
		"regel\nregel":    "regel\nregel",
	}
	for in, want := range cases {
		if got := g.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	note := g.Note()
	for _, code := range []string{"U+0007", "U+1F600", "U+1F44D", "U+1F3FD"} {
		if !strings.Contains(note, code) {
			t.Errorf("note %q does not name %s", note, code)
		}
	}
	var clean glyphFilter
	clean.Clean("gewone tekst")
	if clean.Note() != "" {
		t.Error("a note without anything left out")
	}
}
