package compare

import (
	"strings"

	"bcpeditor/app"
)

// Unit is one comparable element of a profile: a kerntaak, werkproces,
// rol or werkzaamheid, with the texts that belong to it.
type Unit struct {
	ID, Origin, ParentID string
	Kind                 app.Kind
	Code, Title, Body    string
	Lists                map[app.Kind][]*app.Line // resultaat, kennis, vaardigheden, kennis-en-vaardigheden
	Competenties         []string                 // catalogue entry IDs
	Position             int                      // place among its siblings
	Index                int                      // place in its profile's document order
	Parent               *Unit                    // a werkproces's kerntaak, a werkzaamheid's rol
	Children             []*Unit                  // a kerntaak's werkprocessen, a rol's werkzaamheden
}

// Text is what names the unit: its title, or its text when it has none (a
// werkzaamheid).
func (u *Unit) Text() string {
	if u.Title != "" {
		return u.Title
	}
	return u.Body
}

// Label names the unit as a reader looks it up: "werkproces 1.2".
func (u *Unit) Label() string {
	return strings.TrimSpace(u.Kind.Label() + " " + u.FullCode())
}

// FullCode is the unit's code as it reads outside its parent: a
// werkzaamheid numbered within its rol ("2") gets the rol's code in front
// ("3.2"), so that the werkzaamheden of different rollen stay apart in a
// crosswalk; a werkproces's code ("1.3") already says its kerntaak.
func (u *Unit) FullCode() string {
	if u.Kind == app.KindWerkzaamheid && u.Parent != nil && u.Parent.Code != "" && u.Code != "" && !strings.Contains(u.Code, ".") {
		return u.Parent.Code + "." + u.Code
	}
	return u.Code
}

// leaf reports whether the unit is a werkproces or werkzaamheid (the level
// whose texts carry the content), not a kerntaak or rol.
func (u *Unit) leaf() bool {
	return u.Kind == app.KindWerkproces || u.Kind == app.KindWerkzaamheid
}

// Units lists the comparable elements of a profile in document order.
func Units(p *app.Profile) []*Unit {
	var out []*Unit
	add := func(u *Unit, parent *Unit) {
		u.Index = len(out)
		if parent != nil {
			u.Parent, u.ParentID = parent, parent.ID
			u.Position = len(parent.Children)
			parent.Children = append(parent.Children, u)
		}
		out = append(out, u)
	}
	for i, k := range p.Kerntaken {
		ku := &Unit{ID: k.ID, Origin: k.Origin, Kind: app.KindKerntaak, Code: k.Code, Title: k.Title, Body: k.Toelichting, Position: i}
		add(ku, nil)
		for _, w := range k.Werkprocessen {
			add(werkprocesUnit(w), ku)
		}
	}
	for i, r := range p.Rollen {
		ru := &Unit{ID: r.ID, Origin: r.Origin, Kind: app.KindRol, Code: r.Code, Title: r.Title, Body: r.Beschrijving, Position: i,
			Lists: map[app.Kind][]*app.Line{app.KindKennisVaardigheid: r.KennisEnVaardigheden}, Competenties: refs(r.Competenties)}
		add(ru, nil)
		for _, w := range r.Werkzaamheden {
			add(&Unit{ID: w.ID, Origin: w.Origin, Kind: app.KindWerkzaamheid, Code: w.Code, Body: w.Text}, ru)
		}
	}
	return out
}

func werkprocesUnit(w *app.Werkproces) *Unit {
	return &Unit{ID: w.ID, Origin: w.Origin, Kind: app.KindWerkproces, Code: w.Code, Title: w.Title, Body: w.Beschrijving,
		Lists:        map[app.Kind][]*app.Line{app.KindResultaat: w.Resultaat, app.KindKennis: w.Kennis, app.KindVaardigheid: w.Vaardigheden},
		Competenties: refs(w.Competenties)}
}

func refs(rs []*app.CompetentieRef) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Competentie)
	}
	return out
}
