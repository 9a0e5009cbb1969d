package compare

// Mark is a run of a text as every view draws it (window, HTML and Word
// reports): plain, removed (struck through, on the old side of a word
// diff), added (marked, on the new side) or shared (held by both texts of
// a link).
type Mark struct {
	Text    string
	Removed bool
	Added   bool
	Shared  bool
}

// Side gives one side of a word diff as marks: the old side has the words
// that went (Removed), the new side the words that came (Added); both
// have the words they share, plain.
func Side(spans []Span, old bool) []Mark {
	var out []Mark
	for _, s := range spans {
		switch {
		case s.Op == Equal:
			out = append(out, Mark{Text: s.Text})
		case s.Op == Delete && old:
			out = append(out, Mark{Text: s.Text, Removed: true})
		case s.Op == Insert && !old:
			out = append(out, Mark{Text: s.Text, Added: true})
		}
	}
	return out
}

// Marks splits a text of one of the link's two elements (its title or
// beschrijving) into runs, marking the words that carry the shared
// phrases and words (Shared). Joined, the runs give the text back. A
// link without shared words gives the whole text unmarked.
func (l *Link) Marks(text string) []Mark {
	if text == "" {
		return nil
	}
	if l.texts == nil {
		return []Mark{{Text: text}}
	}
	l.findShared()
	var spans [][2]int // shared byte ranges
	gap := false       // a content word that is not shared since the last span
	for _, w := range l.texts.read.words(text) {
		if w.term == "" {
			continue
		}
		if !l.sharedTerms[w.term] {
			gap = true
			continue
		}
		if n := len(spans); n > 0 && !gap {
			spans[n-1][1] = w.end
		} else {
			spans = append(spans, [2]int{w.start, w.end})
		}
		gap = false
	}
	var out []Mark
	at := 0
	for _, s := range spans {
		if s[0] > at {
			out = append(out, Mark{Text: text[at:s[0]]})
		}
		out = append(out, Mark{Text: text[s[0]:s[1]], Shared: true})
		at = s[1]
	}
	if at < len(text) {
		out = append(out, Mark{Text: text[at:]})
	}
	return out
}
