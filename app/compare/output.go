package compare

import (
	"fmt"
	"strings"
)

// SummaryText words the counts: "12 gewijzigd · 3 verplaatst · 2 gesplitst
// · …", leaving out the statuses no row has (but always naming
// ongewijzigd).
func SummaryText(s Summary) string {
	var parts []string
	for _, st := range Statuses {
		if s[st] > 0 || st == Unchanged {
			parts = append(parts, fmt.Sprintf("%d %s", s[st], st))
		}
	}
	return strings.Join(parts, " · ")
}

// JSONLink is one row of "paren" in the command line's --json: one link,
// or an element that has none (only "oud" or only "nieuw").
type JSONLink struct {
	Status     Status   `json:"status"` // of the old element; nieuw for a new one without links
	Old        *JSONEl  `json:"oud,omitempty"`
	New        *JSONEl  `json:"nieuw,omitempty"`
	Strength   float64  `json:"gelijkenis"`
	How        string   `json:"gekoppeldOp,omitempty"`
	Suggestion bool     `json:"suggestie,omitempty"`
	Verdict    Verdict  `json:"besluit,omitempty"`
	Shared     []string `json:"gedeeld,omitempty"`
}

// JSONEl is one side of a link, with its own status.
type JSONEl struct {
	ID     string `json:"id"`
	Kind   string `json:"soort"`
	Code   string `json:"code,omitempty"`
	Title  string `json:"titel,omitempty"`
	Status Status `json:"status"`
}

// JSONResult is a whole comparison for --json.
type JSONResult struct {
	Old          string          `json:"oud"`
	New          string          `json:"nieuw"`
	Summary      map[Status]int  `json:"samenvatting"`
	Links        []JSONLink      `json:"paren"`
	Competenties CompetentieDiff `json:"competenties"`
}

// JSON turns a result into its --json form: every link as one row (an
// element appears in as many rows as it has links), and each element
// without any link in a row of its own, in the order of the rows of the
// side-by-side view.
func JSON(r *Result) JSONResult {
	out := JSONResult{Old: r.Old.ID, New: r.New.ID, Summary: map[Status]int{}, Competenties: r.Competenties, Links: []JSONLink{}}
	for _, st := range Statuses {
		out.Summary[st] = r.Summary[st]
	}
	el := func(u *Unit) *JSONEl {
		return &JSONEl{ID: u.ID, Kind: string(u.Kind), Code: u.Code, Title: u.Text(), Status: r.Status(u)}
	}
	for _, row := range r.Rows {
		switch {
		case row.Old == nil:
			out.Links = append(out.Links, JSONLink{Status: row.Status, New: el(row.New)})
		case len(row.Links) == 0:
			out.Links = append(out.Links, JSONLink{Status: row.Status, Old: el(row.Old)})
		}
		for _, l := range row.Links {
			out.Links = append(out.Links, JSONLink{Status: row.Status, Old: el(l.Old), New: el(l.New), Strength: l.Strength,
				How: l.How, Suggestion: l.Suggestion, Verdict: l.Verdict, Shared: l.Shared()})
		}
	}
	return out
}
