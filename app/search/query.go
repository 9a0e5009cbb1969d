package search

import (
	"strings"
	"unicode"

	"bcpeditor/app/taal"
)

// maxWords is how many words of a query count; the rest are ignored.
const maxWords = 8

// qword is one word of a query.
type qword struct {
	text string   // folded
	stem string   // its key
	alts []string // keys it stands for in the query ("brengt … uit")
	code bool     // looks like a code: "3.4", "b1-k1-w2", "2"
	stop bool     // a function word: it helps, but is not needed
	last bool     // the word being typed: its start counts as much as a whole word
}

// key identifies the matches of a query word.
func (q qword) key() string {
	return q.text + "\x00" + strings.Join(q.alts, ",") + "\x00" + boolKey(q.code, q.stop, q.last)
}

func boolKey(bs ...bool) string {
	b := make([]byte, len(bs))
	for i, x := range bs {
		b[i] = '0'
		if x {
			b[i] = '1'
		}
	}
	return string(b)
}

// parseQuery splits a query into its words: codes as they are written,
// the rest analysed as Dutch text (so that "brengt de offerte uit" knows
// its verb). Function words are kept but need not match, unless the query
// has nothing else.
func parseQuery(query string, an *taal.Analyser) []qword {
	var out []qword
	var text []string
	for _, f := range strings.Fields(query) {
		if isCode(f) {
			out = append(out, qword{text: normCode(f), code: true})
		} else {
			text = append(text, f)
		}
	}
	terms := an.Analyse(strings.Join(text, " "))
	typing := query != "" && !unicode.IsSpace(rune(query[len(query)-1]))
	for i, t := range terms {
		q := qword{text: t.Word, stem: t.Stem, alts: t.Alts, stop: t.Stop}
		if i == len(terms)-1 && typing {
			q.last, q.stop = true, false
		}
		out = append(out, q)
	}
	allStop := true
	for _, q := range out {
		allStop = allStop && q.stop
	}
	for i := range out {
		out[i].stop = out[i].stop && !allStop
	}
	if len(out) > maxWords {
		out = out[:maxWords]
	}
	return out
}

// isCode reports whether a query word is written as a code: parts of at
// most three letters or digits, separated by dots or hyphens, with a digit.
func isCode(f string) bool {
	digit := false
	for _, part := range strings.FieldsFunc(f, func(r rune) bool { return r == '.' || r == '-' }) {
		if len([]rune(part)) > 3 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
			digit = digit || unicode.IsDigit(r)
		}
	}
	return digit
}
