package taal

import (
	"strings"
	"unicode"
)

// Token is one word of a text.
type Token struct {
	Word       string // folded: lower case, no diacritics
	Start, End int    // rune offsets of the word in the original text, End exclusive
	Index      int    // position among the text's tokens
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
	return strings.ContainsRune(".,;:!?()[]{}/\\\n\r•·–—\"“”", r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokens splits a text into its words, folded, with their places.
func Tokens(text string) []Token {
	rs := []rune(text)
	var out []Token
	var word strings.Builder
	brk := false
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			brk = brk || isBreak(rs[i])
			i++
			continue
		}
		start := i
		word.Reset()
		for i < len(rs) && isWordRune(rs[i]) {
			word.WriteString(FoldRune(rs[i]))
			i++
		}
		if word.Len() == 0 {
			continue // combining marks alone
		}
		t := Token{Word: word.String(), Start: start, End: i, Index: len(out), Break: brk || len(out) == 0}
		markHyphens(&t, rs)
		out = append(out, t)
		brk = false
	}
	return out
}

// markHyphens sets Joined, MissingEnd and MissingStart from the hyphens
// around a word.
func markHyphens(t *Token, rs []rune) {
	if t.Start > 0 && isHyphen(rs[t.Start-1]) {
		if t.Start > 1 && isWordRune(rs[t.Start-2]) {
			t.Joined = true
		} else {
			t.MissingStart = true
		}
	}
	if t.End < len(rs) && isHyphen(rs[t.End]) && (t.End+1 == len(rs) || !isWordRune(rs[t.End+1])) {
		t.MissingEnd = true
	}
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }
