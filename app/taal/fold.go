package taal

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and strips diacritics: "Beïnvloeden" → "beinvloeden".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	if out, ok := foldLatin(s); ok {
		return out
	}
	// A chain keeps state, so each call gets its own.
	chain := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(chain, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

// FoldRune folds one rune: its lower-case base letter, or "" for a
// combining mark. Folding a text rune by rune gives the same letters as
// Fold for the texts designers write, and keeps track of where each
// folded letter came from.
func FoldRune(r rune) string {
	switch {
	case r < 0x80:
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return string(r)
	case latin[r] != 0:
		return string(latin[r])
	case unicode.Is(unicode.Mn, r):
		return ""
	}
	return Fold(string(r))
}

// latin maps the accented letters of Dutch and its neighbours to their
// base letter, lower case.
var latin = map[rune]rune{}

func init() {
	for base, accented := range map[rune]string{
		'a': "àáâãäåÀÁÂÃÄÅ", 'e': "èéêëÈÉÊË", 'i': "ìíîïÌÍÎÏ", 'o': "òóôõöøÒÓÔÕÖØ",
		'u': "ùúûüÙÚÛÜ", 'y': "ýÿÝ", 'c': "çÇ", 'n': "ñÑ",
	} {
		for _, r := range accented {
			latin[r] = base
		}
	}
}

// foldLatin folds texts whose only non-ASCII letters are common accented
// Latin ones, without the Unicode machinery; ok is false otherwise.
func foldLatin(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteRune(r)
		case latin[r] != 0:
			b.WriteRune(latin[r])
		case r == '’' || r == '‘' || r == '“' || r == '”' || r == '–' || r == '—' || r == '…' || r == '\u00a0':
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	return b.String(), true
}
