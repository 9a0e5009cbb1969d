package export

import (
	"fmt"
	"strings"

	"bcpeditor/app"
	"bcpeditor/app/compare"
)

// The concordantietabel is the crosswalk as a sectorkamer gets it with a
// revised profile: one row per element of the old profile with the
// elements of the new profile that carry its content, how strongly, and
// its status, and a column for the designer's notes; the new elements that
// no old element reaches come in rows of their own, in place. Only firm
// links count: suggestions the designer has not confirmed are left out
// (confirm or reject them first).

// concordantieRow is one row of the concordantietabel.
type concordantieRow struct {
	Code, Kind, Title string // the old element; empty in a row of a new element
	Status            string
	New, Strength     []string // per new element: its name and how it is linked
}

// concordantieHeaders are the columns of the table.
var concordantieHeaders = []string{"Code", "Soort", "Oud", "Status", "Nieuw", "Gelijkenis", "Toelichting"}

// concordantieRows lays out the crosswalk, in the order of the result's
// rows.
func concordantieRows(r *compare.Result) []concordantieRow {
	var out []concordantieRow
	for _, row := range r.Rows {
		if row.Old == nil {
			out = append(out, concordantieRow{Status: string(row.Status), New: []string{newElementName(row.New)}, Strength: []string{""}})
			continue
		}
		cr := concordantieRow{Code: row.Old.FullCode(), Kind: row.Old.Kind.Label(), Title: row.Old.Text(), Status: string(row.Status)}
		for _, l := range row.Links {
			if !l.Suggestion {
				cr.New = append(cr.New, newElementName(l.New))
				cr.Strength = append(cr.Strength, strengthLabel(l))
			}
		}
		if len(cr.New) > 1 {
			for i := range cr.New {
				cr.New[i] = fmt.Sprintf("%d. %s", i+1, cr.New[i])
				cr.Strength[i] = fmt.Sprintf("%d. %s", i+1, cr.Strength[i])
			}
		}
		out = append(out, cr)
	}
	return out
}

// newElementName names a new element as a reader finds it: "werkproces 1.2
// Stelt een individueel verkoopplan op", "Relatiebeheerder, werkzaamheid 2:
// Hij voert vervolgens een advies- en/of …".
func newElementName(u *compare.Unit) string {
	if u.Kind == app.KindWerkzaamheid && u.Parent != nil {
		return app.Shorten(fmt.Sprintf("%s, werkzaamheid %s: %s", u.Parent.Title, u.Code, u.Body), 160)
	}
	return app.Shorten(u.Label()+" "+u.Text(), 160)
}

// strengthLabel says how a link was made: its strength for a link by text
// ("0,23"), else where it comes from.
func strengthLabel(l *compare.Link) string {
	strength := strings.Replace(fmt.Sprintf("%.2f", l.Strength), ".", ",", 1)
	switch {
	case l.Verdict == compare.Made:
		return "door u gekoppeld"
	case l.Verdict == compare.Confirmed:
		return strength + " (bevestigd)"
	case l.How == compare.ByLineage:
		return "zelfde herkomst"
	case l.How == compare.ByCode:
		return "zelfde code"
	}
	return strength
}

// concordantieTitle names the table: "Concordantietabel BCP Junior
// accountmanager (2010) → bcp (Junior) accountmanager (november 2020)".
func concordantieTitle(r *compare.Result) string {
	return fmt.Sprintf("Concordantietabel %s → %s", profileName(r.Old), profileName(r.New))
}

func profileName(p *app.Profile) string {
	if p.VersionLabel == "" {
		return p.Title
	}
	return p.Title + " (" + p.VersionLabel + ")"
}
