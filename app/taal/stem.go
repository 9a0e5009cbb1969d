package taal

import (
	"strings"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
)

// Stem is the key of a folded word: the Snowball Dutch stem, evened out so
// that the forms a designer writes for one word meet. Snowball alone keeps
// "onderhandelt" apart from "onderhandelen", "offertes" from "offerte",
// "beheert" (beheer-) from "beheren" (beher-) and "opstellen" (opstell-)
// from "stelt op"; Stem also drops a final -t or -s after the stem, a
// doubled final consonant, doubled vowels, and writes a final v or z as f
// or s. The key is not a word to show; it only says which words are one.
// Words shorter than three letters and words with digits are their own
// key.
func Stem(word string) string {
	if len(word) < 3 || !isLetters(word) {
		return word
	}
	env := snowballstem.NewEnv(word)
	dutch.Stem(env)
	return even(env.Current())
}

// even makes Snowball's stems meet across inflection (see Stem).
func even(s string) string {
	if len(s) > 4 && strings.HasSuffix(s, "es") {
		s = s[:len(s)-1] // offertes → offerte
	}
	if len(s) > 3 && s[len(s)-1] == 'e' {
		s = s[:len(s)-1] // offerte → offert, like Snowball's own
	}
	if len(s) > 4 && s[len(s)-1] == 't' && isConsonant(s[len(s)-2]) {
		s = s[:len(s)-1] // onderhandelt → onderhandel
	}
	if n := len(s); n > 3 && s[n-1] == s[n-2] && isConsonant(s[n-1]) {
		s = s[:n-1] // opstell → opstel
	}
	switch n := len(s); {
	case n >= 3 && s[n-1] == 'v':
		s = s[:n-1] + "f" // gev(en) → gef, like geeft
	case n >= 3 && s[n-1] == 'z':
		s = s[:n-1] + "s"
	}
	return undoubleVowels(s)
}

// undoubleVowels writes aa, ee, oo and uu single: "beheer" and "beher(en)",
// "afspraak" and "afsprak(en)" meet.
func undoubleVowels(s string) string {
	if !strings.Contains(s, "aa") && !strings.Contains(s, "ee") && !strings.Contains(s, "oo") && !strings.Contains(s, "uu") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i > 0 && c == s[i-1] && (c == 'a' || c == 'e' || c == 'o' || c == 'u') {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !strings.ContainsRune("aeiouy", rune(c))
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
