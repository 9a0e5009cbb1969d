package app

import "strings"

// ShortLabels gives a short label for each of a list of sibling texts (the
// werkzaamheden of one rol), so that a tree shows what tells them apart:
// the words all of them begin with ("De (junior) accountmanager …") are
// left out when something is left, and each label is its first words.
func ShortLabels(texts []string, words int) []string {
	split := make([][]string, len(texts))
	for i, t := range texts {
		split[i] = strings.Fields(t)
	}
	common := commonLead(split)
	out := make([]string, len(texts))
	for i, ws := range split {
		if len(ws)-common >= 3 {
			ws = ws[common:]
		}
		if len(ws) > words {
			out[i] = strings.Join(ws[:words], " ") + " …"
		} else {
			out[i] = strings.Join(ws, " ")
		}
		out[i] = capital(out[i])
	}
	return out
}

// commonLead counts the leading words all texts share (none for fewer than
// two texts).
func commonLead(split [][]string) int {
	if len(split) < 2 {
		return 0
	}
	n := 0
	for {
		for _, ws := range split {
			if n >= len(ws) || !strings.EqualFold(ws[n], split[0][n]) {
				return n
			}
		}
		n++
	}
}
