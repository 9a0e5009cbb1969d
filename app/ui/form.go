package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/widgets"
)

// The editor pane: a form for the selected node in which every field can
// be changed. Each change is an edit stored at once; structural changes
// (rows added, removed or moved) rebuild the form and give focus back to
// the field that had it.

// ShowForm builds the form for node id (an element ID or a synthetic
// branch) and shows it.
func (mw *MainWindow) ShowForm(id string) {
	mw.formID = id
	mw.fields = map[string]*widgets.FieldEntry{}
	mw.problemsBox = container.NewVBox()
	var objs []fyne.CanvasObject
	p := mw.profile
	if p == nil {
		mw.form.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("Kies links een profiel uit de bibliotheek."))}
		mw.form.Refresh()
		return
	}
	el, isElement := mw.editor.Element(id)
	switch {
	case id == widgets.NodeMeta || id == "":
		objs = mw.metaForm()
	case id == widgets.NodeAlgemeen:
		objs = mw.branchForm(lang.L("Algemene informatie"), app.KindSectie, "")
	case id == widgets.NodeLijsten:
		objs = mw.branchForm(lang.L("Lijsten"), app.KindLijst, "")
	case id == widgets.NodeTrends:
		objs = mw.branchForm(lang.L("Trends"), app.KindTrend, "")
	case !isElement:
		objs = []fyne.CanvasObject{widget.NewLabel(lang.L("Dit onderdeel bestaat niet meer."))}
	default:
		objs = mw.elementForm(el)
	}
	mw.form.Objects = objs
	mw.form.Refresh()
	mw.refreshProblems()
}

func heading1(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

func fieldLabel(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// entry makes a field entry for one field of an element.
func (mw *MainWindow) entry(id, field, value string, multi bool) *widgets.FieldEntry {
	key := id + "/" + field
	var e *widgets.FieldEntry
	if multi {
		e = widgets.NewFieldMultiLineEntry(key)
		e.SetMinRowsVisible(widgets.RowsFor(value, 70, 3, 14))
	} else {
		e = widgets.NewFieldEntry(key)
	}
	e.SetText(value)
	e.Global = mw.Global
	e.OnChanged = func(s string) { mw.onFieldChanged(id, field, s) }
	mw.fields[key] = e
	return e
}

func (mw *MainWindow) onFieldChanged(id, field, value string) {
	if err := mw.editor.SetField(id, field, value); err != nil {
		mw.saveFailed(err)
		return
	}
	mw.afterEdit()
}

func (mw *MainWindow) elementForm(el app.Element) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	add := func(o ...fyne.CanvasObject) { objs = append(objs, o...) }
	kindTitle := capitalise(lang.L(el.Kind.Label()))
	switch el.Kind {
	case app.KindKerntaak, app.KindWerkproces, app.KindRol:
		add(heading1(kindTitle+" "+el.Code+"  "+el.Title), mw.problemsBox)
		add(container.NewBorder(nil, nil, container.NewVBox(fieldLabel(lang.L("Code")), mw.sized(mw.entry(el.ID, app.FieldCode, el.Code, false), 90)), nil,
			container.NewVBox(fieldLabel(lang.L("Titel")), mw.entry(el.ID, app.FieldTitle, el.Title, false))))
	case app.KindWerkzaamheid:
		add(heading1(kindTitle+" "+el.Code), mw.problemsBox)
		add(fieldLabel(lang.L("Code")), mw.sized(mw.entry(el.ID, app.FieldCode, el.Code, false), 90))
	case app.KindSectie, app.KindTrend, app.KindLijst:
		add(heading1(el.Title), mw.problemsBox, fieldLabel(lang.L("Titel")), mw.entry(el.ID, app.FieldTitle, el.Title, false))
	default:
		add(heading1(kindTitle), mw.problemsBox)
	}
	switch el.Kind {
	case app.KindKerntaak:
		add(mw.childList(lang.L("Werkprocessen"), el.ID, app.KindWerkproces))
		add(fieldLabel(lang.L("Toelichting")), mw.entry(el.ID, app.FieldBody, el.Body, true))
	case app.KindWerkproces:
		add(fieldLabel(lang.L("Beschrijving")), mw.entry(el.ID, app.FieldBody, el.Body, true))
		add(mw.competentiesBlock(el.ID))
		add(mw.linesBlock(lang.L("Resultaat"), el.ID, app.KindResultaat, false))
		add(mw.linesBlock(lang.L("Kennis"), el.ID, app.KindKennis, false))
		add(mw.linesBlock(lang.L("Vaardigheden"), el.ID, app.KindVaardigheid, false))
	case app.KindRol:
		add(fieldLabel(lang.L("Beschrijving")), mw.entry(el.ID, app.FieldBody, el.Body, true))
		add(mw.linesBlock(lang.L("Werkzaamheden"), el.ID, app.KindWerkzaamheid, true))
		add(mw.competentiesBlock(el.ID))
		add(mw.linesBlock(lang.L("Kennis en vaardigheden"), el.ID, app.KindKennisVaardigheid, false))
	case app.KindWerkzaamheid:
		add(fieldLabel(lang.L("Tekst")), mw.entry(el.ID, app.FieldBody, el.Body, true))
	case app.KindSectie:
		add(fieldLabel(lang.L("Tekst")), mw.entry(el.ID, app.FieldBody, el.Body, true))
		add(mw.childList(lang.L("Onderdelen"), el.ID, app.KindSectie))
	case app.KindTrend:
		add(fieldLabel(lang.L("Tekst")), mw.entry(el.ID, app.FieldBody, el.Body, true))
	case app.KindLijst:
		add(mw.linesBlock(lang.L("Items"), el.ID, app.KindLijstItem, false))
	default: // a line or competentie: edit it in its parent's form
		add(fieldLabel(lang.L("Tekst")), mw.entry(el.ID, app.FieldBody, el.Body, true))
	}
	add(mw.reviewsBlock(el.ID))
	return objs
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// sized keeps an entry at a fixed width (for codes).
func (mw *MainWindow) sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// childList shows the children of kind k with a button to add one.
func (mw *MainWindow) childList(title, parent string, k app.Kind) fyne.CanvasObject {
	box := container.NewVBox(fieldLabel(title))
	for _, c := range mw.editor.Children(parent, k) {
		c := c
		text := strings.TrimSpace(c.Code + "  " + c.Label())
		b := widget.NewButton(text, func() { mw.Select(c.ID) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		box.Add(b)
	}
	box.Add(mw.addButton(lang.L("Toevoegen"), func() {
		id, err := mw.editor.Add(k, parent, app.Element{Title: newTitle(k)})
		mw.afterStructural(err, id, id)
	}))
	return box
}

// branchForm is the form for a synthetic branch: its children and a button
// to add one.
func (mw *MainWindow) branchForm(title string, k app.Kind, parent string) []fyne.CanvasObject {
	return []fyne.CanvasObject{heading1(title), mw.childList(lang.L("Onderdelen"), parent, k)}
}

func newTitle(k app.Kind) string {
	switch k {
	case app.KindKerntaak:
		return lang.L("Nieuwe kerntaak")
	case app.KindWerkproces:
		return lang.L("Nieuw werkproces")
	case app.KindRol:
		return lang.L("Nieuwe rol")
	case app.KindSectie:
		return lang.L("Nieuw onderdeel")
	case app.KindLijst:
		return lang.L("Nieuwe lijst")
	case app.KindTrend:
		return lang.L("Nieuwe trend")
	}
	return ""
}

func (mw *MainWindow) addButton(label string, f func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, theme.ContentAddIcon(), f)
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	return b
}

// linesBlock is an editable list of lines: Enter adds the next row,
// Backspace in an empty row removes it, Alt+↑/↓ moves it.
func (mw *MainWindow) linesBlock(title, parent string, k app.Kind, multi bool) fyne.CanvasObject {
	box := container.NewVBox(fieldLabel(title))
	lines := mw.editor.Children(parent, k)
	for i, l := range lines {
		l := l
		e := mw.entry(l.ID, app.FieldBody, l.Body, true)
		e.SubmitOnEnter = true
		if multi {
			e.SetMinRowsVisible(widgets.RowsFor(l.Body, 60, 2, 10))
		} else {
			e.SetMinRowsVisible(widgets.RowsFor(l.Body, 60, 1, 6))
		}
		prev := ""
		if i > 0 {
			prev = lines[i-1].ID
		}
		e.OnSubmitted = func(string) {
			id, err := mw.editor.Insert(k, parent, l.ID, app.Element{})
			mw.afterStructural(err, id+"/"+app.FieldBody, "")
		}
		e.OnBackspaceEmpty = func() {
			err := mw.editor.Remove(l.ID)
			focus := ""
			if prev != "" {
				focus = prev + "/" + app.FieldBody
			}
			mw.afterStructural(err, focus, "")
		}
		e.OnMove = func(delta int) {
			err := mw.editor.MoveBy(l.ID, delta)
			mw.afterStructural(err, l.ID+"/"+app.FieldBody, "")
		}
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { mw.afterStructural(mw.editor.Remove(l.ID), "", "") })
		remove.Importance = widget.LowImportance
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { mw.afterStructural(mw.editor.MoveBy(l.ID, -1), "", "") })
		up.Importance = widget.LowImportance
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { mw.afterStructural(mw.editor.MoveBy(l.ID, 1), "", "") })
		down.Importance = widget.LowImportance
		var lead fyne.CanvasObject = widget.NewLabel("•")
		if k == app.KindWerkzaamheid || k == app.KindKennisVaardigheid {
			lead = widget.NewLabel(fmt.Sprintf("%d.", i+1))
		}
		if a := mw.profile.Latest(l.ID); a != "" {
			mark := widgets.NewRatingMark()
			mark.SetRating(a)
			lead = container.NewHBox(lead, container.NewCenter(mark))
		}
		tools := container.NewHBox(up, down, remove)
		if k == app.KindLijstItem {
			tools.Objects = append([]fyne.CanvasObject{mw.sourceSelect(l)}, tools.Objects...)
		}
		box.Add(container.NewBorder(nil, nil, lead, tools, e))
	}
	box.Add(mw.addButton(lang.L("Regel toevoegen"), func() {
		after := ""
		if n := len(lines); n > 0 {
			after = lines[n-1].ID
		}
		id, err := mw.editor.Insert(k, parent, after, app.Element{})
		mw.afterStructural(err, id+"/"+app.FieldBody, "")
	}))
	return box
}

// competentiesBlock shows the competenties as removable chips and a button
// that opens the picker.
func (mw *MainWindow) competentiesBlock(parent string) fyne.CanvasObject {
	chips := container.New(layout.NewRowWrapLayout())
	cat := mw.catalogue()
	names := map[string]string{}
	if cat != nil {
		for _, c := range cat.Competenties {
			names[c.ID] = c.Name
		}
	}
	for _, r := range mw.editor.Children(parent, app.KindCompetentie) {
		r := r
		name, ok := names[r.Ref]
		if !ok {
			name = lang.L("onbekende competentie")
		}
		chip := widget.NewButtonWithIcon(name, theme.CancelIcon(), func() { mw.afterStructural(mw.editor.Remove(r.ID), "", "") })
		chip.IconPlacement = widget.ButtonIconTrailingText
		chips.Add(chip)
	}
	add := mw.addButton(lang.L("Competentie toevoegen"), func() { mw.PickCompetentie(parent) })
	return container.NewVBox(fieldLabel(lang.L("Competenties")), chips, add)
}

// reviewsBlock shows the ratings and notes on an element, each with its
// source, and lets the designer change or remove one.
func (mw *MainWindow) reviewsBlock(id string) fyne.CanvasObject {
	rs := mw.profile.ReviewsOf(id)
	box := container.NewVBox()
	if len(rs) == 0 {
		return box
	}
	box.Add(fieldLabel(lang.L("Beoordelingen en notities") + " — " + mw.profile.RatingsOf(id).String()))
	for _, r := range rs {
		r := r
		mark := widgets.NewRatingMark()
		head := r.Source + " " + r.Date
		if r.Kind == app.ReviewAanvullend {
			head = lang.L("aanvullende informatie") + " — " + head
		} else {
			mark.SetRating(r.Aansluiting)
		}
		text := widget.NewLabel(head + "\n" + r.Toelichting)
		text.Wrapping = fyne.TextWrapWord
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { mw.askEditReview(r) })
		edit.Importance = widget.LowImportance
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { mw.afterStructural(mw.editor.RemoveReview(r.ID), "", "") })
		remove.Importance = widget.LowImportance
		box.Add(container.NewBorder(nil, nil, container.NewCenter(mark), container.NewHBox(edit, remove), text))
	}
	return box
}

// askEditReview changes one rating and its toelichting.
func (mw *MainWindow) askEditReview(r *app.Review) {
	ratings := []app.Aansluiting{app.AansluitingGoed, app.AansluitingGedeeltelijk, app.AansluitingOnvoldoende, app.AansluitingNietBeoordeeld}
	var labels []string
	for _, a := range ratings {
		labels = append(labels, lang.L(a.Label()))
	}
	sel := widget.NewSelect(labels, nil)
	for i, a := range ratings {
		if a == r.Aansluiting {
			sel.SetSelectedIndex(i)
		}
	}
	note := widget.NewMultiLineEntry()
	note.Wrapping = fyne.TextWrapWord
	note.SetText(r.Toelichting)
	note.SetMinRowsVisible(5)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Aansluiting"), sel), widget.NewFormItem(lang.L("Toelichting"), note)}
	d := dialog.NewForm(r.Source+" "+r.Date, lang.L("Opslaan"), lang.L("Annuleren"), items, func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			mw.afterStructural(mw.editor.SetReview(r.ID, ratings[sel.SelectedIndex()], note.Text), "", "")
		}
	}, mw.Window)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}

// refreshProblems shows the validation messages about the element in the
// form, without rebuilding it (typing is never interrupted).
func (mw *MainWindow) refreshProblems() {
	if mw.problemsBox == nil || mw.profile == nil {
		return
	}
	mw.problemsBox.Objects = nil
	ids := map[string]bool{mw.formID: true}
	if mw.formID == widgets.NodeMeta {
		ids[mw.profile.ID] = true
	}
	for _, c := range mw.editor.Children(mw.formID, app.KindCompetentie, app.KindResultaat, app.KindKennis, app.KindVaardigheid, app.KindKennisVaardigheid, app.KindWerkzaamheid) {
		ids[c.ID] = true
	}
	for _, pr := range mw.problems {
		if !ids[pr.ElementID] {
			continue
		}
		icon := theme.WarningIcon()
		if pr.Severity == app.Fout {
			icon = theme.ErrorIcon()
		}
		l := widget.NewLabel(pr.Message)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		if pr.Severity == app.Fout {
			l.Importance = widget.DangerImportance
		}
		mw.problemsBox.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l))
	}
	mw.problemsBox.Refresh()
}

// sourceSelect chooses where a list item comes from: the bcp, the
// interviews, or neither.
func (mw *MainWindow) sourceSelect(l app.Element) fyne.CanvasObject {
	sources := []app.ListSource{app.ListSourceNone, app.ListSourceBCP, app.ListSourceInterviews}
	labels := []string{"—", lang.L("In het bcp"), lang.L("Genoemd in interviews")}
	sel := widget.NewSelect(labels, nil)
	for i, s := range sources {
		if s == l.Source {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 {
			mw.afterStructural(mw.editor.SetField(l.ID, app.FieldSource, string(sources[i])), "", "")
		}
	}
	return sel
}
