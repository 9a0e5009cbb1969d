package export

import (
	"fmt"
	"strings"

	"bcpeditor/app"
)

// reviewRow is one review of a profile with what it is about: the element
// (kind, number, text) and the kerntaak or rol it belongs to.
type reviewRow struct {
	GroupID, Group string // kerntaak or rol; "" and "Algemene informatie" for the rest
	Kind           app.Kind
	Code, Text     string
	Review         *app.Review
}

// elementRef describes an element for a reader of a review.
type elementRef struct {
	groupID, group string
	kind           app.Kind
	code, text     string
}

// reviewRows lists every review of the profile in document order of the
// elements they are about, ratings and aanvullende informatie alike, so
// that no note is lost in a document or workbook.
func reviewRows(p *app.Profile, cat *app.Catalogue) []reviewRow {
	refs, order := elementRefs(p, cat)
	byElement := map[string][]*app.Review{}
	for _, r := range p.Reviews {
		byElement[r.ElementID] = append(byElement[r.ElementID], r)
	}
	var out []reviewRow
	for _, id := range order {
		e := refs[id]
		for _, r := range byElement[id] {
			out = append(out, reviewRow{GroupID: e.groupID, Group: e.group, Kind: e.kind, Code: e.code, Text: e.text, Review: r})
		}
	}
	return out
}

// elementRefs describes every element and the profile itself, in document
// order.
func elementRefs(p *app.Profile, cat *app.Catalogue) (map[string]elementRef, []string) {
	names := competentieNames(cat)
	refs := map[string]elementRef{}
	var order []string
	add := func(id string, e elementRef) {
		refs[id] = e
		order = append(order, id)
	}
	general := elementRef{group: "Algemene informatie"}
	add(p.ID, elementRef{group: "Algemene informatie", kind: "profiel", text: p.Title})
	for _, e := range p.Elements() {
		switch e.Kind {
		case app.KindSectie, app.KindLijst, app.KindLijstItem, app.KindTrend:
			g := general
			g.kind, g.text = e.Kind, e.Label()
			add(e.ID, g)
		}
	}
	lines := func(g elementRef, kind app.Kind, ls []*app.Line) {
		for i, l := range ls {
			add(l.ID, elementRef{groupID: g.groupID, group: g.group, kind: kind, code: fmt.Sprint(i + 1), text: l.Text})
		}
	}
	comps := func(g elementRef, rs []*app.CompetentieRef) {
		for i, r := range rs {
			add(r.ID, elementRef{groupID: g.groupID, group: g.group, kind: app.KindCompetentie, code: fmt.Sprint(i + 1), text: nameOf(names, r.Competentie)})
		}
	}
	for _, k := range p.Kerntaken {
		g := elementRef{groupID: k.ID, group: strings.TrimSpace(k.Code + " " + k.Title)}
		add(k.ID, elementRef{groupID: k.ID, group: g.group, kind: app.KindKerntaak, code: k.Code, text: k.Title})
		for _, w := range k.Werkprocessen {
			add(w.ID, elementRef{groupID: k.ID, group: g.group, kind: app.KindWerkproces, code: w.Code, text: w.Title})
			comps(g, w.Competenties)
			lines(g, app.KindResultaat, w.Resultaat)
			lines(g, app.KindKennis, w.Kennis)
			lines(g, app.KindVaardigheid, w.Vaardigheden)
		}
	}
	for _, r := range p.Rollen {
		g := elementRef{groupID: r.ID, group: strings.TrimSpace(r.Code + " " + r.Title)}
		add(r.ID, elementRef{groupID: r.ID, group: g.group, kind: app.KindRol, code: r.Code, text: r.Title})
		for _, w := range r.Werkzaamheden {
			add(w.ID, elementRef{groupID: r.ID, group: g.group, kind: app.KindWerkzaamheid, code: w.Code, text: w.Text})
		}
		comps(g, r.Competenties)
		lines(g, app.KindKennisVaardigheid, r.KennisEnVaardigheden)
	}
	return refs, order
}

// nameOf is a competentie's name, or a plain word when the model lacks it.
func nameOf(names map[string]string, id string) string {
	if n, ok := names[id]; ok {
		return n
	}
	return "onbekende competentie"
}

// reviewKindLabel is how a review's kind reads in a table.
func reviewKindLabel(k app.ReviewKind) string {
	if k == app.ReviewAanvullend {
		return "aanvullende informatie"
	}
	return "beoordeling"
}
