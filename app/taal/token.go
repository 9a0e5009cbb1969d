package taal

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text.
type Token struct {
	Word       string // folded: lower case, no diacritics
	Start, End int    // rune offsets of the word in the original text, End exclusive
	// ByteStart, ByteEnd: the same as byte offsets.
	ByteStart, ByteEnd int
	Index              int // position among the text's tokens
	// Break: a clause break (punctuation or a line end) comes before
	// this word.
	Break bool
	// Joined: written against the previous word with a hyphen, as
	// "commerce" in "e-commerce".
	Joined bool
	// MissingEnd: the word ends in an elision hyphen, its head left out
	// ("koop-" in "koop- en weerstandssignalen").
	MissingEnd bool
	// MissingStart: the word starts with an elision hyphen, its first part
	// left out ("-theorieën" in "verkoopmodellen en -theorieën").
	MissingStart bool
}

// isBreak reports whether r ends a clause.
func isBreak(r rune) bool {
	if r < 0x80 {
		return asciiBreak[r]
	}
	return strings.ContainsRune("•·–—“”", r)
}

var asciiBreak, asciiWord [0x80]bool

func init() {
	for _, r := range ".,;:!?()[]{}/\\\n\r\"" {
		asciiBreak[r] = true
	}
	for r := rune(0); r < 0x80; r++ {
		asciiWord[r] = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokens splits a text into its words, folded, with their places. The
// words share one piece of memory: strings.Clone those kept long.
func Tokens(text string) []Token {
	// Room for the words of a text of words of average length, so that the
	// slices rarely grow.
	out := make([]Token, 0, len(text)/6+1)
	ends := make([]int, 0, cap(out))
	// The folded words go one after another into words, made a string
	// once at the end: one allocation for all of them.
	words := make([]byte, 0, len(text))
	brk := false
	ri := 0       // rune index of the next rune
	var prev rune // the rune before the current word
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1 // ASCII at once; the rest decoded
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !(r < utf8.RuneSelf && asciiWord[r] || r >= utf8.RuneSelf && isWordRune(r)) {
			brk = brk || isBreak(r)
			prev = r
			i += size
			ri++
			continue
		}
		start, byteStart, from := ri, i, len(words)
		for i < len(text) {
			r, size = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if !(r < utf8.RuneSelf && asciiWord[r] || r >= utf8.RuneSelf && isWordRune(r)) {
				break
			}
			words = appendFolded(words, r)
			i += size
			ri++
		}
		if len(words) == from {
			continue // combining marks alone
		}
		t := Token{Start: start, End: ri, ByteStart: byteStart, ByteEnd: i, Index: len(out), Break: brk || len(out) == 0}
		if (start > 0 && isHyphen(prev)) || (i < len(text) && isHyphen(runeAt(text, i))) {
			markHyphens(&t, text, byteStart)
		}
		out = append(out, t)
		ends = append(ends, len(words))
		brk = false
	}
	all := string(words)
	from := 0
	for k := range out {
		out[k].Word = all[from:ends[k]]
		from = ends[k]
	}
	return out
}

// appendFolded appends the folded form of r.
func appendFolded(b []byte, r rune) []byte {
	switch {
	case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		return append(b, byte(r))
	case r >= 'A' && r <= 'Z':
		return append(b, byte(r+'a'-'A'))
	}
	return append(b, FoldRune(r)...)
}

func runeAt(text string, i int) rune {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// markHyphens sets Joined, MissingEnd and MissingStart from the hyphens
// around a word.
func markHyphens(t *Token, text string, byteStart int) {
	if before, size := utf8.DecodeLastRuneInString(text[:byteStart]); size > 0 && isHyphen(before) {
		if r, n := utf8.DecodeLastRuneInString(text[:byteStart-size]); n > 0 && isWordRune(r) {
			t.Joined = true
		} else {
			t.MissingStart = true
		}
	}
	if after, size := utf8.DecodeRuneInString(text[t.ByteEnd:]); size > 0 && isHyphen(after) {
		if r, n := utf8.DecodeRuneInString(text[t.ByteEnd+size:]); n == 0 || !isWordRune(r) {
			t.MissingEnd = true
		}
	}
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }
