package compare

import (
	"fmt"
	"strings"
)

// SummaryText words the counts: "12 gewijzigd · 3 verplaatst · 5 nieuw ·
// 4 vervallen · 20 ongewijzigd".
func SummaryText(s Summary) string {
	var parts []string
	for _, st := range []Status{Modified, Moved, Added, Removed, Unchanged} {
		parts = append(parts, fmt.Sprintf("%d %s", s[st], st))
	}
	return strings.Join(parts, " · ")
}

// JSONPair is one pair as the command line's --json writes it.
type JSONPair struct {
	Status     Status  `json:"status"`
	Old        *JSONEl `json:"oud,omitempty"`
	New        *JSONEl `json:"nieuw,omitempty"`
	Similarity float64 `json:"gelijkenis"`
	How        string  `json:"gekoppeldOp,omitempty"`
}

// JSONEl is one side of a pair.
type JSONEl struct {
	ID    string `json:"id"`
	Kind  string `json:"soort"`
	Code  string `json:"code,omitempty"`
	Title string `json:"titel,omitempty"`
}

// JSONResult is a whole comparison for --json.
type JSONResult struct {
	Old          string          `json:"oud"`
	New          string          `json:"nieuw"`
	Summary      map[Status]int  `json:"samenvatting"`
	Pairs        []JSONPair      `json:"paren"`
	Competenties CompetentieDiff `json:"competenties"`
}

// JSON turns a result into its --json form.
func JSON(r *Result) JSONResult {
	out := JSONResult{Old: r.Old.ID, New: r.New.ID, Summary: map[Status]int{}, Competenties: r.Competenties}
	for _, st := range []Status{Modified, Moved, Added, Removed, Unchanged} {
		out.Summary[st] = r.Summary[st]
	}
	el := func(u *Unit) *JSONEl {
		if u == nil {
			return nil
		}
		t := u.Title
		if t == "" {
			t = u.Body
		}
		return &JSONEl{ID: u.ID, Kind: string(u.Kind), Code: u.Code, Title: t}
	}
	for _, p := range r.Pairs {
		out.Pairs = append(out.Pairs, JSONPair{Status: p.Status, Old: el(p.Old), New: el(p.New), Similarity: p.Similarity, How: p.How})
	}
	return out
}
