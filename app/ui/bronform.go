package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// The Bronnen pages: a research source as seen from the open profile —
// who did it and how, its legend, its findings with the elements each
// concerns, the notes that rest on it and the texts taken from it. They
// are read-only: the research's words are not the designer's to change.

// bronnenForm lists the research sources of the profile.
func (v *formView) bronnenForm(s *workspace.Session) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{heading1(lang.L("Bronnen")),
		wrapped(lang.L("Onderzoeken waarop beoordelingen en teksten van dit profiel berusten."))}
	for _, o := range s.Profile().Findings(v.ws.Bronnen()) {
		id := widgets.BronPrefix + o.Bron.ID
		objs = append(objs, linkButton(o.Bron.Label(), func() { v.host.Select(id) }))
	}
	return objs
}

// bronForm shows one research source as seen from the open profile.
func (v *formView) bronForm(s *workspace.Session, bronID string) []fyne.CanvasObject {
	var o *app.BronOverzicht
	for _, x := range s.Profile().Findings(v.ws.Bronnen()) {
		if x.Bron.ID == bronID {
			x := x
			o = &x
		}
	}
	if o == nil {
		return []fyne.CanvasObject{widget.NewLabel(lang.L("Dit onderzoek staat niet (meer) in de bibliotheek."))}
	}
	b := o.Bron
	objs := []fyne.CanvasObject{heading1(b.Titel), smallWrapped(b.Label())}
	add := func(o ...fyne.CanvasObject) { objs = append(objs, o...) }
	if b.Opdrachtgever != "" {
		add(wrapped(lang.L("Opdrachtgever") + ": " + b.Opdrachtgever))
	}
	if len(b.Auteurs) > 0 {
		add(wrapped(lang.L("Auteurs") + ": " + strings.Join(b.Auteurs, ", ")))
	}
	add(v.bronTexts(b)...)
	add(v.findingsBlock(s, o)...)
	add(v.oordelenBlock(s, o)...)
	if len(o.Herkomst) > 0 {
		add(fieldLabel(lang.L("Teksten in dit profiel uit dit onderzoek")))
		for _, e := range o.Herkomst {
			add(v.elementLink(s, e))
		}
	}
	if len(b.Notities) > 0 {
		add(fieldLabel(lang.L("Opmerkingen bij de invoer (niet de woorden van het rapport)")))
		for _, n := range b.Notities {
			add(smallWrapped(n))
		}
	}
	return objs
}

// bronTexts are the report's own account of itself: aim, method, who took
// part and how it rated.
func (v *formView) bronTexts(b *app.Bron) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, t := range []struct{ title, text string }{{lang.L("Doel"), b.Doel}, {lang.L("Methode"), b.Methode}} {
		if t.text != "" {
			objs = append(objs, fieldLabel(t.title), wrapped(t.text))
		}
	}
	if len(b.Respondenten) > 0 {
		objs = append(objs, fieldLabel(lang.L("Gesprekspartners")))
		group := ""
		for _, r := range b.Respondenten {
			if r.Groep != group {
				group = r.Groep
				objs = append(objs, smallWrapped(group))
			}
			line := "• " + r.Organisatie
			if r.Sector != "" {
				line += " — " + r.Sector
			}
			objs = append(objs, wrapped(line))
		}
	}
	if len(b.Legenda) > 0 {
		objs = append(objs, fieldLabel(lang.L("Legenda van het rapport")))
		for _, l := range b.Legenda {
			objs = append(objs, markedText(l.Aansluiting, l.Tekst))
		}
	}
	return objs
}

// findingsBlock lists the findings that concern the profile, by subject,
// each with where it stands and links to what it is about.
func (v *formView) findingsBlock(s *workspace.Session, o *app.BronOverzicht) []fyne.CanvasObject {
	if len(o.Bevindingen) == 0 {
		return nil
	}
	objs := []fyne.CanvasObject{fieldLabel(lang.L("Bevindingen over dit profiel"))}
	subject := ""
	for _, f := range o.Bevindingen {
		if f.Onderwerp != subject {
			subject = f.Onderwerp
			objs = append(objs, widget.NewLabelWithStyle(subject, fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		}
		objs = append(objs, markedText(f.Aansluiting, f.Tekst))
		if f.Vindplaats != "" {
			objs = append(objs, smallWrapped(f.Vindplaats))
		}
		for _, e := range f.Onderdelen {
			objs = append(objs, v.elementLink(s, e))
		}
	}
	return objs
}

// oordelenBlock lists the notes that rest on the bron, with what each
// rests on, each opening its element.
func (v *formView) oordelenBlock(s *workspace.Session, o *app.BronOverzicht) []fyne.CanvasObject {
	if len(o.Oordelen) == 0 {
		return nil
	}
	objs := []fyne.CanvasObject{fieldLabel(lang.L("Beoordelingen in dit profiel") + " — " + o.Telling.String())}
	for _, r := range o.Oordelen {
		if e, ok := s.Element(r.ElementID); ok {
			objs = append(objs, v.elementLink(s, e))
		}
		text := r.Grond()
		if r.Toelichting != "" {
			text = strings.TrimSpace(text + "\n" + r.Toelichting)
		}
		a := r.Aansluiting
		if r.Kind == app.ReviewAanvullend {
			a = ""
			text = lang.L("aanvullende informatie") + ": " + text
		}
		objs = append(objs, markedText(a, text))
	}
	return objs
}

// elementLink is a button that goes to an element (a line: its werkproces
// or rol).
func (v *formView) elementLink(s *workspace.Session, e app.Element) fyne.CanvasObject {
	target := e.ID
	if e.Kind != app.KindSectie && e.Kind != app.KindTrend && e.Kind != app.KindLijst && e.ParentID != "" {
		if parent, ok := s.Element(e.ParentID); ok && (parent.Kind == app.KindWerkproces || parent.Kind == app.KindRol || parent.Kind == app.KindLijst) {
			target = parent.ID
		}
	}
	label := strings.TrimSpace(capitalise(lang.L(e.Kind.Label())) + " " + e.Code + " " + app.Shorten(e.Label(), 80))
	return linkButton("→ "+label, func() { v.host.Select(target) })
}

// markedText is a text with a rating mark before it ("" for no mark).
func markedText(a app.Aansluiting, text string) fyne.CanvasObject {
	mark := widgets.NewRatingMark()
	mark.SetRating(a)
	return container.NewBorder(nil, nil, container.NewCenter(mark), nil, wrapped(text))
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func smallWrapped(text string) *widget.Label {
	l := wrapped(text)
	l.Importance = widget.LowImportance
	l.SizeName = theme.SizeNameCaptionText
	return l
}

func linkButton(text string, f func()) fyne.CanvasObject {
	return widgets.NewLink(text, f)
}
