package app

import (
	"crypto/sha1"
	"fmt"

	"github.com/google/uuid"
)

// Kind names the sort of an element, in the domain's words.
type Kind string

// Every kind of element a profile holds.
const (
	KindSectie            Kind = "sectie"
	KindLijst             Kind = "lijst"
	KindLijstItem         Kind = "lijstitem"
	KindTrend             Kind = "trend"
	KindKerntaak          Kind = "kerntaak"
	KindWerkproces        Kind = "werkproces"
	KindRol               Kind = "rol"
	KindWerkzaamheid      Kind = "werkzaamheid"
	KindCompetentie       Kind = "competentie"
	KindResultaat         Kind = "resultaat"
	KindKennis            Kind = "kennis"
	KindVaardigheid       Kind = "vaardigheid"
	KindKennisVaardigheid Kind = "kennis-en-vaardigheid"
)

var kindLabels = map[Kind]string{
	KindSectie:            "algemene informatie",
	KindLijst:             "lijst",
	KindLijstItem:         "lijstitem",
	KindTrend:             "trend",
	KindKerntaak:          "kerntaak",
	KindWerkproces:        "werkproces",
	KindRol:               "rol",
	KindWerkzaamheid:      "werkzaamheid",
	KindCompetentie:       "competentie",
	KindResultaat:         "resultaat",
	KindKennis:            "kennis",
	KindVaardigheid:       "vaardigheid",
	KindKennisVaardigheid: "kennis en vaardigheden",
}

// Label is the Dutch word for the kind, as users read it.
func (k Kind) Label() string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return string(k)
}

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool { _, ok := kindLabels[k]; return ok }

// Element is one element of a profile in flat form: what the store keeps as
// a row and what search and comparison walk. Which fields are used depends
// on the kind (see Profile.Elements).
type Element struct {
	ID       string
	ParentID string // "" for top-level elements
	Kind     Kind
	Position int // order among its siblings of the same parent
	Code     string
	Title    string
	Body     string     // beschrijving, tekst, toelichting
	Ref      string     // competentie: the catalogue entry's ID
	Source   ListSource // lijstitem: bcp or interviews
	Origin   string
	BronID   string // sectie, trend, lijstitem: the research the text comes from
}

// Label is the element's readable text: its title, or its body for line
// kinds.
func (e Element) Label() string {
	if e.Title != "" {
		return e.Title
	}
	return e.Body
}

// Elements lists every element of the profile in document order, parents
// before their children.
func (p *Profile) Elements() []Element {
	var out []Element
	add := func(e Element) { out = append(out, e) }
	var sections func(parent string, ss []*Section)
	sections = func(parent string, ss []*Section) {
		for i, s := range ss {
			add(Element{ID: s.ID, ParentID: parent, Kind: KindSectie, Position: i, Title: s.Title, Body: s.Text, Origin: s.Origin, BronID: s.BronID})
			sections(s.ID, s.Sections)
		}
	}
	lines := func(parent string, kind Kind, ls []*Line, offset int) {
		for i, l := range ls {
			add(Element{ID: l.ID, ParentID: parent, Kind: kind, Position: offset + i, Body: l.Text, Origin: l.Origin})
		}
	}
	refs := func(parent string, rs []*CompetentieRef) {
		for i, r := range rs {
			add(Element{ID: r.ID, ParentID: parent, Kind: KindCompetentie, Position: i, Ref: r.Competentie, Origin: r.Origin})
		}
	}
	sections("", p.Sections)
	for i, l := range p.Lists {
		add(Element{ID: l.ID, Kind: KindLijst, Position: i, Title: l.Title, Origin: l.Origin})
		for j, it := range l.Items {
			add(Element{ID: it.ID, ParentID: l.ID, Kind: KindLijstItem, Position: j, Body: it.Text, Source: it.Source, Origin: it.Origin, BronID: it.BronID})
		}
	}
	for i, t := range p.Trends {
		add(Element{ID: t.ID, Kind: KindTrend, Position: i, Title: t.Title, Body: t.Text, Origin: t.Origin, BronID: t.BronID})
	}
	for i, k := range p.Kerntaken {
		add(Element{ID: k.ID, Kind: KindKerntaak, Position: i, Code: k.Code, Title: k.Title, Body: k.Toelichting, Origin: k.Origin})
		for j, w := range k.Werkprocessen {
			add(Element{ID: w.ID, ParentID: k.ID, Kind: KindWerkproces, Position: j, Code: w.Code, Title: w.Title, Body: w.Beschrijving, Origin: w.Origin})
			refs(w.ID, w.Competenties)
			lines(w.ID, KindResultaat, w.Resultaat, 0)
			lines(w.ID, KindKennis, w.Kennis, 0)
			lines(w.ID, KindVaardigheid, w.Vaardigheden, 0)
		}
	}
	for i, r := range p.Rollen {
		add(Element{ID: r.ID, Kind: KindRol, Position: i, Code: r.Code, Title: r.Title, Body: r.Beschrijving, Origin: r.Origin})
		for j, w := range r.Werkzaamheden {
			add(Element{ID: w.ID, ParentID: r.ID, Kind: KindWerkzaamheid, Position: j, Code: w.Code, Body: w.Text, Origin: w.Origin})
		}
		refs(r.ID, r.Competenties)
		lines(r.ID, KindKennisVaardigheid, r.KennisEnVaardigheden, 0)
	}
	return out
}

// Assemble rebuilds the profile's element tree from flat elements, as
// Elements produced them (in any order). It replaces the profile's
// sections, lists, trends, kerntaken and rollen.
func (p *Profile) Assemble(elems []Element) error {
	p.Sections, p.Lists, p.Trends, p.Kerntaken, p.Rollen = nil, nil, nil, nil, nil
	byParent := map[string][]Element{}
	for _, e := range elems {
		byParent[e.ParentID] = append(byParent[e.ParentID], e)
	}
	for k := range byParent {
		sortElements(byParent[k])
	}
	var sections func(parent string) []*Section
	sections = func(parent string) []*Section {
		var out []*Section
		for _, e := range byParent[parent] {
			if e.Kind == KindSectie {
				out = append(out, &Section{ID: e.ID, Origin: e.Origin, Title: e.Title, Text: e.Body, Sections: sections(e.ID), BronID: e.BronID})
			}
		}
		return out
	}
	childLines := func(parent string, kind Kind) []*Line {
		var out []*Line
		for _, e := range byParent[parent] {
			if e.Kind == kind {
				out = append(out, &Line{ID: e.ID, Origin: e.Origin, Text: e.Body})
			}
		}
		return out
	}
	childRefs := func(parent string) []*CompetentieRef {
		var out []*CompetentieRef
		for _, e := range byParent[parent] {
			if e.Kind == KindCompetentie {
				out = append(out, &CompetentieRef{ID: e.ID, Origin: e.Origin, Competentie: e.Ref})
			}
		}
		return out
	}
	p.Sections = sections("")
	for _, e := range byParent[""] {
		switch e.Kind {
		case KindSectie:
		case KindLijst:
			l := &NamedList{ID: e.ID, Origin: e.Origin, Title: e.Title}
			for _, c := range byParent[e.ID] {
				l.Items = append(l.Items, &ListItem{ID: c.ID, Origin: c.Origin, Text: c.Body, Source: c.Source, BronID: c.BronID})
			}
			p.Lists = append(p.Lists, l)
		case KindTrend:
			p.Trends = append(p.Trends, &Trend{ID: e.ID, Origin: e.Origin, Title: e.Title, Text: e.Body, BronID: e.BronID})
		case KindKerntaak:
			k := &Kerntaak{ID: e.ID, Origin: e.Origin, Code: e.Code, Title: e.Title, Toelichting: e.Body}
			for _, c := range byParent[e.ID] {
				if c.Kind != KindWerkproces {
					return fmt.Errorf("profiel opbouwen: %s %s onder kerntaak %s", c.Kind, c.ID, e.ID)
				}
				k.Werkprocessen = append(k.Werkprocessen, &Werkproces{
					ID: c.ID, Origin: c.Origin, Code: c.Code, Title: c.Title, Beschrijving: c.Body,
					Competenties: childRefs(c.ID),
					Resultaat:    childLines(c.ID, KindResultaat),
					Kennis:       childLines(c.ID, KindKennis),
					Vaardigheden: childLines(c.ID, KindVaardigheid),
				})
			}
			p.Kerntaken = append(p.Kerntaken, k)
		case KindRol:
			r := &Rol{ID: e.ID, Origin: e.Origin, Code: e.Code, Title: e.Title, Beschrijving: e.Body,
				Competenties:         childRefs(e.ID),
				KennisEnVaardigheden: childLines(e.ID, KindKennisVaardigheid),
			}
			for _, c := range byParent[e.ID] {
				if c.Kind == KindWerkzaamheid {
					r.Werkzaamheden = append(r.Werkzaamheden, &Werkzaamheid{ID: c.ID, Origin: c.Origin, Code: c.Code, Text: c.Body})
				}
			}
			p.Rollen = append(p.Rollen, r)
		default:
			return fmt.Errorf("profiel opbouwen: %s %s heeft geen bovenliggend onderdeel", e.Kind, e.ID)
		}
	}
	return nil
}

// sortElements orders siblings by position; insertion sort, since sibling
// lists are short and usually already sorted.
func sortElements(es []Element) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Position < es[j-1].Position; j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// NewID returns a fresh element ID: a lowercase UUIDv4.
func NewID() string { return uuid.NewString() }

// IsUUID reports whether s is a UUID in the canonical lowercase form with
// dashes.
func IsUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	return s == StatusConcept || s == StatusGeaccordeerd || s == StatusVastgesteld
}

// Valid reports whether a is a known rating.
func (a Aansluiting) Valid() bool {
	switch a {
	case AansluitingNietBeoordeeld, AansluitingGoed, AansluitingGedeeltelijk, AansluitingOnvoldoende:
		return true
	}
	return false
}

// Label is the rating as the research report words it.
func (a Aansluiting) Label() string {
	switch a {
	case AansluitingGoed:
		return "sluit goed aan"
	case AansluitingGedeeltelijk:
		return "sluit gedeeltelijk aan"
	case AansluitingOnvoldoende:
		return "sluit onvoldoende aan"
	}
	return "niet beoordeeld"
}

// Counts is how many kerntaken, werkprocessen, rollen and werkzaamheden a
// profile has.
type Counts struct {
	Kerntaken, Werkprocessen, Rollen, Werkzaamheden int
}

// Counts counts the profile's task tree.
func (p *Profile) Counts() Counts {
	c := Counts{Kerntaken: len(p.Kerntaken), Rollen: len(p.Rollen)}
	for _, k := range p.Kerntaken {
		c.Werkprocessen += len(k.Werkprocessen)
	}
	for _, r := range p.Rollen {
		c.Werkzaamheden += len(r.Werkzaamheden)
	}
	return c
}

// DerivedID makes a stable identifier in UUIDv4 form from a text, for
// things that have no ID of their own but need the same one on every
// export (a CASE association, say).
func DerivedID(s string) string {
	sum := sha1.Sum([]byte(s))
	sum[6] = sum[6]&0x0f | 0x40 // version 4
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	u, _ := uuid.FromBytes(sum[:16])
	return u.String()
}
