package compare

// Mark is a run of a text, highlighted when it holds what the two linked
// texts share.
type Mark struct {
	Text   string
	Shared bool
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
