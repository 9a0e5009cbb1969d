package ui

import (
	"bufio"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// Workshop mode: the profile's items one at a time, large enough to read
// from the back of a room. The first key on an item rates it (1 goed,
// 2 gedeeltelijk, 3 onvoldoende, 0 niet beoordeeld), what follows is the
// toelichting, Enter goes to the next item. Every rating and note is
// stored at once and can be undone.

// WorkshopView is the open workshop window.
type WorkshopView struct {
	mw       *MainWindow
	session  *workspace.Session
	Window   fyne.Window
	Workshop app.Workshop
	Items    []app.ReviewItem
	At       int

	progress, group, kind *widget.Label
	text                  *widget.Label
	details               *fyne.Container
	earlier               *widget.Label
	// fresh: nothing typed on this item yet, so the first key rates, also
	// when it already has a note (going back to correct a rating).
	fresh   bool
	buttons map[app.Aansluiting]*widget.Button
	Note    *widgets.FieldEntry
	done    *fyne.Container
	main    *fyne.Container
	body    *fyne.Container
}

// AskWorkshop asks for the workshop's name and date (set once), which rol
// or kerntaak to walk, and whether to skip what this workshop already
// rated; then opens workshop mode.
func (mw *MainWindow) AskWorkshop() {
	p := mw.Profile()
	if p == nil {
		return
	}
	name := dialogEntry("")
	name.SetText(mw.App.Preferences().StringWithFallback("workshop.name", lang.L("Workshop")))
	date := dialogEntry("")
	date.SetText(time.Now().Format("2006-01-02"))
	groups := []string{lang.L("Alles")}
	ids := []string{""}
	for _, k := range p.Kerntaken {
		groups, ids = append(groups, lang.L("Kerntaak")+" "+k.Code+" "+k.Title), append(ids, k.ID)
	}
	for _, r := range p.Rollen {
		groups, ids = append(groups, lang.L("Rol")+" "+r.Code+" "+r.Title), append(ids, r.ID)
	}
	group := widget.NewSelect(groups, nil)
	group.SetSelectedIndex(0)
	if el, ok := mw.selected(); ok && (el.Kind == app.KindKerntaak || el.Kind == app.KindRol) {
		for i, id := range ids {
			if id == el.ID {
				group.SetSelectedIndex(i)
			}
		}
	}
	unrated := widget.NewCheck(lang.L("Alleen wat deze workshop nog niet beoordeelde"), nil)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Workshop"), name),
		widget.NewFormItem(lang.L("Datum"), date),
		widget.NewFormItem(lang.L("Onderdelen"), group),
		widget.NewFormItem("", unrated),
	}
	showForm(mw.Window, lang.L("Workshopmodus"), lang.L("Beginnen"), items, func(ok bool) {
		if !ok {
			return
		}
		w := app.Workshop{Name: strings.TrimSpace(name.Text), Date: strings.TrimSpace(date.Text)}
		if w.Name == "" {
			w.Name = lang.L("Workshop")
		}
		mw.App.Preferences().SetString("workshop.name", w.Name)
		mw.OpenWorkshop(w, ids[group.SelectedIndex()], unrated.Checked)
	})
}

// OpenWorkshop opens workshop mode on the open profile.
func (mw *MainWindow) OpenWorkshop(w app.Workshop, group string, onlyUnrated bool) *WorkshopView {
	s := mw.ws.Session()
	if s == nil {
		return nil
	}
	p := s.Profile()
	all := app.ReviewItems(p, s.Catalogue(), group)
	var items []app.ReviewItem
	for _, it := range all {
		if !onlyUnrated || p.Rating(it.ElementID, w) == nil {
			items = append(items, it)
		}
	}
	wv := &WorkshopView{mw: mw, session: s, Workshop: w, Items: items, buttons: map[app.Aansluiting]*widget.Button{}}
	wv.Window = mw.App.NewWindow(lang.L("Workshopmodus") + " — " + p.Title + " — " + w.Name + " " + w.Date)
	big := func(size fyne.ThemeSizeName, bold bool) *widget.Label {
		l := widget.NewLabel("")
		l.SizeName = size
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle.Bold = bold
		return l
	}
	wv.progress = big(theme.SizeNameSubHeadingText, true)
	wv.progress.Wrapping = fyne.TextWrapOff
	wv.group = big(theme.SizeNameSubHeadingText, false)
	wv.kind = big(theme.SizeNameText, false)
	wv.kind.Importance = widget.LowImportance
	wv.text = big(theme.SizeNameHeadingText, false)
	wv.earlier = big(theme.SizeNameSubHeadingText, false)
	var row []fyne.CanvasObject
	for i, a := range []app.Aansluiting{app.AansluitingGoed, app.AansluitingGedeeltelijk, app.AansluitingOnvoldoende, app.AansluitingNietBeoordeeld} {
		a := a
		key := []string{"1", "2", "3", "0"}[i]
		b := widget.NewButton(key+"  "+lang.L(a.Label()), func() { wv.Rate(a) })
		wv.buttons[a] = b
		bar := canvas.NewRectangle(widgets.RatingColour(a))
		bar.SetMinSize(fyne.NewSize(10, 10))
		row = append(row, container.NewBorder(nil, nil, bar, nil, b))
	}
	wv.Note = widgets.NewFieldMultiLineEntry("workshop/note")
	wv.Note.SetMinRowsVisible(3)
	wv.Note.SubmitOnEnter = true
	wv.Note.SetPlaceHolder(lang.L("Toelichting (typ na het cijfer; Enter → volgende)"))
	wv.Note.OnRune = func(r rune) bool {
		first := wv.fresh
		wv.fresh = false
		if wv.Note.Text != "" && !first {
			return false
		}
		switch r {
		case '1':
			wv.Rate(app.AansluitingGoed)
		case '2':
			wv.Rate(app.AansluitingGedeeltelijk)
		case '3':
			wv.Rate(app.AansluitingOnvoldoende)
		case '0':
			wv.Rate(app.AansluitingNietBeoordeeld)
		default:
			return false
		}
		return true
	}
	wv.Note.OnChanged = func(s string) { wv.saveNote(s) }
	wv.Note.OnSubmitted = func(string) { wv.Next(1) }
	wv.Note.OnKey = func(k *fyne.KeyEvent) bool {
		switch k.Name {
		case fyne.KeyPageUp:
			wv.Next(-1)
		case fyne.KeyPageDown:
			wv.Next(1)
		case fyne.KeyEscape:
			wv.Window.Close()
		default:
			return false
		}
		return true
	}
	wv.Note.Global = func(s fyne.Shortcut) bool {
		if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt {
			switch cs.KeyName {
			case fyne.Key1:
				wv.Rate(app.AansluitingGoed)
			case fyne.Key2:
				wv.Rate(app.AansluitingGedeeltelijk)
			case fyne.Key3:
				wv.Rate(app.AansluitingOnvoldoende)
			case fyne.Key0:
				wv.Rate(app.AansluitingNietBeoordeeld)
			default:
				return false
			}
			return true
		}
		return mw.Global(s) // undo and redo work here too
	}
	hint := widget.NewLabel(lang.L("1 goed · 2 gedeeltelijk · 3 onvoldoende · 0 niet beoordeeld (met tekst in het veld: Alt+cijfer) · Enter volgende · PgUp vorige · Esc stoppen"))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	summary := widget.NewButton(lang.L("Samenvatting opslaan…"), mw.AskReviewSummary)
	wv.details = container.NewVBox()
	wv.body = container.NewVBox(wv.kind, wv.text, wv.details, wv.earlier)
	wv.main = container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, nil, wv.progress, wv.group), widget.NewSeparator()),
		container.NewVBox(container.NewGridWithColumns(4, row...), wv.Note, hint),
		nil, nil,
		container.NewVScroll(wv.body))
	wv.done = container.NewCenter(container.NewVBox(big(theme.SizeNameHeadingText, true), summary))
	wv.Window.SetContent(container.NewStack(wv.main, wv.done))
	wv.Window.Resize(mw.Window.Canvas().Size())
	wv.Window.SetOnClosed(func() {
		if mw.workshop == wv {
			mw.workshop = nil
		}
		// Back in the editor: the item last on screen, from the top.
		if it, ok := wv.Current(); ok && mw.ws.Session() == wv.session {
			target := it.ElementID
			if mw.tree.Tree.Node(target) == nil {
				target = it.GroupID
			}
			mw.Select(target)
		}
	})
	mw.workshop = wv
	wv.show()
	wv.Window.Show()
	wv.Window.Canvas().Focus(wv.Note)
	return wv
}

// show puts the current item on screen.
func (wv *WorkshopView) show() {
	if wv.At >= len(wv.Items) {
		wv.main.Hide()
		wv.done.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(
			fmt.Sprintf(lang.L("Klaar: %d onderdelen doorlopen."), len(wv.Items)))
		wv.done.Show()
		return
	}
	wv.done.Hide()
	wv.main.Show()
	it := wv.Items[wv.At]
	p := wv.session.Profile()
	wv.progress.SetText(fmt.Sprintf("%d / %d", wv.At+1, len(wv.Items)))
	wv.group.SetText(it.Group)
	wv.kind.SetText(capitalise(lang.L(it.Kind.Label())) + " " + it.Code)
	wv.text.SetText(it.Text)
	wv.details.Objects = workshopDetails(p, wv.session.Catalogue(), it)
	wv.fresh = true
	wv.earlier.SetText(lang.L("Tot nu toe") + ": " + p.RatingsOf(it.ElementID).String())
	current := app.Aansluiting("")
	note := ""
	if r := p.Rating(it.ElementID, wv.Workshop); r != nil {
		current, note = r.Aansluiting, r.Toelichting
	}
	for a, b := range wv.buttons {
		if a == current {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	wv.Note.SetTextQuietly(note)
	wv.Note.CursorColumn = len([]rune(note))
	wv.Note.Refresh()
	// Wrapped labels change height with their text: lay out again.
	wv.body.Refresh()
	wv.main.Refresh()
}

// Current is the item on screen, if any.
func (wv *WorkshopView) Current() (app.ReviewItem, bool) {
	if wv.At < len(wv.Items) {
		return wv.Items[wv.At], true
	}
	return app.ReviewItem{}, false
}

// Rate rates the current item for this workshop.
func (wv *WorkshopView) Rate(a app.Aansluiting) {
	it, ok := wv.Current()
	if !ok {
		return
	}
	if err := wv.session.Edit("", func(ed *app.Editor) error { return ed.Rate(it.ElementID, wv.Workshop, a) }); err != nil {
		showError(wv.Window, err)
		return
	}
	note := wv.Note.Text
	wv.show()
	wv.fresh = false // what is typed next is the note
	wv.Note.SetTextQuietly(note)
}

func (wv *WorkshopView) saveNote(s string) {
	it, ok := wv.Current()
	if !ok {
		return
	}
	if err := wv.session.Edit(it.ElementID+"/notitie", func(ed *app.Editor) error { return ed.Note(it.ElementID, wv.Workshop, s) }); err != nil {
		showError(wv.Window, err)
		return
	}
}

// Next moves to the next (1) or previous (-1) item.
func (wv *WorkshopView) Next(delta int) {
	wv.At += delta
	if wv.At < 0 {
		wv.At = 0
	}
	if wv.At > len(wv.Items) {
		wv.At = len(wv.Items)
	}
	wv.show()
}

// AskReviewSummary saves the summary of the ratings as an HTML page.
func (mw *MainWindow) AskReviewSummary() {
	p := mw.Profile()
	if p == nil {
		return
	}
	showSaveDialog(mw.Window, mw.App.Preferences(), lang.L("Samenvatting beoordelingen…"), "beoordelingen-"+fileName(p)+".html",
		[]string{".html"}, func(path string) {
			if err := mw.SaveReviewSummary(path); err != nil {
				mw.showError(err)
				return
			}
			mw.Status.SetText(lang.L("Opgeslagen") + ": " + path)
		})
}

// SaveReviewSummary writes the open profile's rating summary to path.
func (mw *MainWindow) SaveReviewSummary(path string) error {
	s := mw.ws.Session()
	if s == nil {
		return nil
	}
	return app.WriteFileAtomic(path, func(w *bufio.Writer) error {
		return app.WriteReviewSummaryHTML(w, s.Profile(), s.Catalogue(), "")
	})
}

// workshopDetails is what a room needs to judge an item besides its title:
// a werkproces's omschrijving, resultaat and competenties; a rol's
// beschrijving and werkzaamheden.
func workshopDetails(p *app.Profile, cat *app.Catalogue, it app.ReviewItem) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	para := func(text string) {
		if strings.TrimSpace(text) != "" {
			l := widget.NewLabel(text)
			l.Wrapping = fyne.TextWrapWord
			l.SizeName = theme.SizeNameSubHeadingText
			out = append(out, l)
		}
	}
	list := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		h.SizeName = theme.SizeNameSubHeadingText
		out = append(out, h)
		para("• " + strings.Join(lines, "\n• "))
	}
	names := map[string]string{}
	if cat != nil {
		for _, c := range cat.Competenties {
			names[c.ID] = c.Name
		}
	}
	for _, k := range p.Kerntaken {
		for _, w := range k.Werkprocessen {
			if w.ID != it.ElementID {
				continue
			}
			para(w.Beschrijving)
			list(lang.L("Resultaat"), lineTexts(w.Resultaat))
			var comps []string
			for _, r := range w.Competenties {
				comps = append(comps, names[r.Competentie])
			}
			list(lang.L("Competenties"), comps)
		}
	}
	for _, r := range p.Rollen {
		if r.ID != it.ElementID {
			continue
		}
		if it.Text != r.Title {
			para(r.Title)
		}
		var wz []string
		for _, w := range r.Werkzaamheden {
			wz = append(wz, w.Code+". "+app.Shorten(w.Text, 160))
		}
		list(lang.L("Werkzaamheden"), wz)
	}
	return out
}

func lineTexts(ls []*app.Line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Text
	}
	return out
}
