package app

import "strings"

// ShortLabels gives a short label for each of a list of sibling texts (the
// werkzaamheden of one rol), so that a tree shows what tells them apart:
// the subject they begin with ("De (junior) accountmanager …", "Hij …",
// the words all of them share) is left out when something is left, and
// each label is its first words. beroep names the subject ("(Junior)
// accountmanager"); it may be empty.
func ShortLabels(texts []string, words int, beroep string) []string {
	split := make([][]string, len(texts))
	for i, t := range texts {
		split[i] = strings.Fields(t)
	}
	common := commonLead(split)
	subject := strings.Fields(Fold(strings.NewReplacer("(", "", ")", "").Replace(beroep)))
	out := make([]string, len(texts))
	for i, ws := range split {
		cut := max(common, subjectLength(ws, subject))
		if len(ws)-cut >= 3 {
			ws = ws[cut:]
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

// pronouns that open a werkzaamheid in place of the beroep.
var pronouns = map[string]bool{"hij": true, "zij": true, "ze": true, "hij/zij": true, "zij/hij": true}

// subjectLength is how many leading words of ws name the subject: "De
// (junior) accountmanager" for the beroep, or a pronoun.
func subjectLength(ws, beroep []string) int {
	if len(ws) > 0 && pronouns[Fold(ws[0])] {
		return 1
	}
	if len(ws) == 0 || len(beroep) == 0 || Fold(ws[0]) != "de" || len(ws) <= len(beroep) {
		return 0
	}
	for i, b := range beroep {
		w := Fold(strings.NewReplacer("(", "", ")", "").Replace(ws[i+1]))
		if w != b {
			return 0
		}
	}
	return 1 + len(beroep)
}
