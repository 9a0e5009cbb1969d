package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// formHost is what the editor form needs of the window around it: going to
// another node, the competentie picker, reporting a failed save, the
// window's shortcuts and the canvas for focus.
type formHost interface {
	Select(id string)
	NewVersion()
	status(text string)
	PickCompetentie(parent string)
	saveFailed(err error)
	Global(s fyne.Shortcut) bool
	canvas() fyne.Canvas
	window() fyne.Window
}

// formView is the editor pane: a form for the selected node in which every
// field can be changed. Each change is an edit stored at once. Typing in a
// field changes only that field; any other change rebuilds the form and
// gives focus back to the field that had it.
type formView struct {
	ws *workspace.Workspace
	// unlocked are the vastgestelde profiles the designer chose to edit
	// anyway in this session.
	unlocked map[string]bool
	// asking is set while the unlock question is on screen.
	asking      bool
	host        formHost
	box         *fyne.Container
	Scroll      *container.Scroll
	nodeID      string
	fields      map[string]*widgets.FieldEntry
	problemsBox *fyne.Container
}

func newFormView(ws *workspace.Workspace, host formHost) *formView {
	v := &formView{ws: ws, host: host, box: container.NewVBox(), fields: map[string]*widgets.FieldEntry{}, unlocked: map[string]bool{}}
	v.Scroll = container.NewVScroll(container.NewPadded(v.box))
	ws.Subscribe(func(e workspace.Event) {
		if e.Kind != workspace.ProfileEdited {
			return
		}
		if e.Remote {
			v.remoteEdited(e)
			return
		}
		if e.Key != "" && (v.fields[e.Key] != nil || !v.shows(keyElement(e.Key))) {
			// The field typed in is up to date, or what was typed is not
			// shown here (a note in the workshop window).
			v.refreshProblems()
			return
		}
		v.rebuild()
	})
	return v
}

func (v *formView) session() *workspace.Session { return v.ws.Session() }

// edit runs an edit of the open profile; key names the field typed in, for
// typing. A failure is reported; the form follows through the event.
func (v *formView) edit(key string, f func(ed *app.Editor) error) error {
	s := v.session()
	if s == nil {
		return nil
	}
	if v.locked() {
		v.askUnlock()
		return errLocked
	}
	err := s.Edit(key, f)
	if err != nil {
		v.host.saveFailed(err)
	}
	return err
}

// keyElement is the element of a typing edit's key ("id/field").
func keyElement(key string) string {
	id, _, _ := strings.Cut(key, "/")
	return id
}

// shows reports whether the form shows element id: the node itself or one
// of its lines (their marks and notes).
func (v *formView) shows(id string) bool {
	if id == v.nodeID || (id == "meta" && v.nodeID == widgets.NodeMeta) {
		return true
	}
	s := v.session()
	if s == nil {
		return false
	}
	el, ok := s.Element(id)
	return ok && el.ParentID == v.nodeID
}

// rebuild shows the same node again after a change, keeping the focus and
// the cursor of the field that had it.
func (v *formView) rebuild() {
	f, typing := v.host.canvas().Focused().(*widgets.FieldEntry)
	id := v.nodeID
	if v.gone() {
		id = widgets.NodeMeta
	}
	v.show(id, false)
	if !typing {
		return
	}
	v.focus(f.Key)
	if e := v.fields[f.Key]; e != nil && e.Text == f.Text {
		e.CursorRow, e.CursorColumn = f.CursorRow, f.CursorColumn
		e.Refresh()
	}
}

// remoteEdited follows a change made elsewhere: the form is built again
// when it shows something that changed; the field being typed in — which
// the workspace kept as typed — keeps its cursor (see rebuild).
func (v *formView) remoteEdited(e workspace.Event) {
	if !v.showsAny(e.Elements) && !v.gone() {
		v.refreshProblems()
		return
	}
	v.rebuild()
}

// showsAny reports whether the form shows any of the elements (or is a
// page that sums up many, such as a branch or the bronnen).
func (v *formView) showsAny(ids []string) bool {
	if len(ids) == 0 || strings.HasPrefix(v.nodeID, "#") || v.nodeID == "" {
		return true
	}
	for _, id := range ids {
		if v.shows(id) {
			return true
		}
	}
	for key := range v.fields { // a line shown here that is gone now
		if slices.Contains(ids, keyElement(key)) {
			return true
		}
	}
	return false
}

// gone reports whether the node shown no longer exists.
func (v *formView) gone() bool {
	s := v.session()
	if s == nil || strings.HasPrefix(v.nodeID, "#") {
		return false
	}
	_, ok := s.Element(v.nodeID)
	return !ok
}

// reveal puts the cursor in the field with the given key and scrolls the
// form so that the field is in view (a search that found a line).
func (v *formView) reveal(key string) {
	e := v.fields[key]
	if e == nil {
		return
	}
	v.focus(key)
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(e).Y - d.AbsolutePositionForObject(v.box).Y
	v.Scroll.Offset.Y = fyne.Max(0, fyne.Min(y-2*theme.Padding()*4, v.box.MinSize().Height-v.Scroll.Size().Height))
	v.Scroll.Refresh()
}

// focus puts the cursor in the field with the given key, if shown.
func (v *formView) focus(key string) {
	if e := v.fields[key]; e != nil {
		v.host.canvas().Focus(e)
	}
}

// show builds the form for node id (an element ID or a synthetic branch);
// top scrolls the pane to the top (a new selection).
func (v *formView) show(id string, top bool) {
	v.nodeID = id
	v.fields = map[string]*widgets.FieldEntry{}
	v.problemsBox = container.NewVBox()
	s := v.session()
	var objs []fyne.CanvasObject
	if s == nil {
		objs = []fyne.CanvasObject{widget.NewLabel(lang.L("Kies links een profiel uit de bibliotheek."))}
	} else {
		objs = v.build(s, id)
	}
	if v.locked() {
		objs = append([]fyne.CanvasObject{v.lockBanner()}, objs...)
	}
	v.box.Objects = objs
	v.box.Refresh()
	v.refreshProblems()
	if top {
		v.Scroll.ScrollToTop()
	}
}

func (v *formView) build(s *workspace.Session, id string) []fyne.CanvasObject {
	el, isElement := s.Element(id)
	switch {
	case id == widgets.NodeMeta || id == "":
		return v.metaForm(s)
	case id == widgets.NodeAlgemeen:
		return v.branchForm(lang.L("Algemene informatie"), app.KindSectie, "")
	case id == widgets.NodeLijsten:
		return v.branchForm(lang.L("Lijsten"), app.KindLijst, "")
	case id == widgets.NodeTrends:
		return v.branchForm(lang.L("Trends"), app.KindTrend, "")
	case id == widgets.NodeBronnen:
		return v.bronnenForm(s)
	case strings.HasPrefix(id, widgets.BronPrefix):
		return v.bronForm(s, strings.TrimPrefix(id, widgets.BronPrefix))
	case !isElement:
		return []fyne.CanvasObject{widget.NewLabel(lang.L("Dit onderdeel bestaat niet meer."))}
	}
	return v.elementForm(el)
}

func heading1(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

func fieldLabel(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// entry makes a field entry for one field of an element.
func (v *formView) entry(id, field, value string, multi bool) *widgets.FieldEntry {
	key := id + "/" + field
	var e *widgets.FieldEntry
	if multi {
		e = widgets.NewFieldMultiLineEntry(key)
		e.Grow, e.MinRows = true, 3
		e.OnGrow = v.box.Refresh
	} else {
		e = widgets.NewFieldEntry(key)
	}
	e.SetText(value)
	e.Guard = v.mayChange
	e.Global = v.host.Global
	e.OnChanged = func(s string) {
		v.edit(key, func(ed *app.Editor) error { return ed.SetField(id, field, s) })
	}
	v.fields[key] = e
	return e
}

// title is an element's title: one paragraph that wraps and grows rather
// than scrolling out of sight (long titles, large text on a projector);
// Enter does not start a new line.
func (v *formView) title(id, value string) fyne.CanvasObject {
	e := v.entry(id, app.FieldTitle, value, true)
	e.MinRows = 1
	e.SubmitOnEnter = true
	return widgets.WithWheel(e, v.Scroll)
}

// text is a multi-line field that grows with its text; the mouse wheel over
// it scrolls the form.
func (v *formView) text(id, field, value string) fyne.CanvasObject {
	return widgets.WithWheel(v.entry(id, field, value, true), v.Scroll)
}

func (v *formView) elementForm(el app.Element) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	add := func(o ...fyne.CanvasObject) { objs = append(objs, o...) }
	kindTitle := capitalise(lang.L(el.Kind.Label()))
	switch el.Kind {
	case app.KindKerntaak, app.KindWerkproces, app.KindRol:
		add(heading1(kindTitle+" "+el.Code+"  "+el.Title), v.problemsBox)
		add(codeAndTitle(container.NewVBox(fieldLabel(lang.L("Code")), v.sized(v.entry(el.ID, app.FieldCode, el.Code, false), 90)),
			container.NewVBox(fieldLabel(lang.L("Titel")), v.title(el.ID, el.Title))))
	case app.KindWerkzaamheid:
		add(heading1(kindTitle+" "+el.Code), v.problemsBox)
		add(fieldLabel(lang.L("Code")), v.sized(v.entry(el.ID, app.FieldCode, el.Code, false), 90))
	case app.KindSectie, app.KindTrend, app.KindLijst:
		add(heading1(el.Title), v.problemsBox, fieldLabel(lang.L("Titel")), v.title(el.ID, el.Title))
	default:
		add(heading1(kindTitle), v.problemsBox)
	}
	switch el.Kind {
	case app.KindKerntaak:
		add(v.childList(lang.L("Werkprocessen"), el.ID, app.KindWerkproces))
		add(fieldLabel(lang.L("Toelichting")), v.text(el.ID, app.FieldBody, el.Body))
	case app.KindWerkproces:
		add(fieldLabel(lang.L("Beschrijving")), v.text(el.ID, app.FieldBody, el.Body))
		add(v.competentiesBlock(el.ID))
		add(v.linesBlock(lang.L("Resultaat"), el.ID, app.KindResultaat, false))
		add(v.linesBlock(lang.L("Kennis"), el.ID, app.KindKennis, false))
		add(v.linesBlock(lang.L("Vaardigheden"), el.ID, app.KindVaardigheid, false))
	case app.KindRol:
		add(fieldLabel(lang.L("Beschrijving")), v.text(el.ID, app.FieldBody, el.Body))
		add(v.linesBlock(lang.L("Werkzaamheden"), el.ID, app.KindWerkzaamheid, true))
		add(v.competentiesBlock(el.ID))
		add(v.linesBlock(lang.L("Kennis en vaardigheden"), el.ID, app.KindKennisVaardigheid, false))
	case app.KindWerkzaamheid:
		add(fieldLabel(lang.L("Tekst")), v.text(el.ID, app.FieldBody, el.Body))
	case app.KindSectie:
		add(fieldLabel(lang.L("Tekst")), v.text(el.ID, app.FieldBody, el.Body))
		add(v.childList(lang.L("Onderdelen"), el.ID, app.KindSectie))
	case app.KindTrend:
		add(fieldLabel(lang.L("Tekst")), v.text(el.ID, app.FieldBody, el.Body))
	case app.KindLijst:
		add(v.linesBlock(lang.L("Items"), el.ID, app.KindLijstItem, false))
	default: // a line or competentie: edit it in its parent's form
		add(fieldLabel(lang.L("Tekst")), v.text(el.ID, app.FieldBody, el.Body))
	}
	if h := app.HerkomstLabel(el, v.ws.Bronnen()); h != "" {
		objs = append(objs[:1], append([]fyne.CanvasObject{provenance(h)}, objs[1:]...)...)
	}
	add(v.findingsAbout(el.ID))
	add(v.reviewsBlock(el.ID))
	return objs
}

// codeAndTitle puts the code before the title, also for Tab (a border
// container would list the title first).
func codeAndTitle(code, title fyne.CanvasObject) fyne.CanvasObject {
	return container.New(layout.NewBorderLayout(nil, nil, code, nil), code, title)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// sized keeps an entry at a fixed width (for codes).
func (v *formView) sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// childList shows the children of kind k with a button to add one.
func (v *formView) childList(title, parent string, k app.Kind) fyne.CanvasObject {
	box := container.NewVBox(fieldLabel(title))
	for _, c := range v.session().Children(parent, k) {
		c := c
		box.Add(linkButton(strings.TrimSpace(c.Code+"  "+c.Label()), func() { v.host.Select(c.ID) }))
	}
	box.Add(v.addButton(lang.L("Toevoegen"), func() {
		var id string
		if v.edit("", func(ed *app.Editor) (err error) {
			id, err = ed.Add(k, parent, app.Element{Title: newTitle(k)})
			return err
		}) == nil {
			v.host.Select(id)
		}
	}))
	return box
}

// branchForm is the form for a synthetic branch: its children and a button
// to add one.
func (v *formView) branchForm(title string, k app.Kind, parent string) []fyne.CanvasObject {
	return []fyne.CanvasObject{heading1(title), v.childList(lang.L("Onderdelen"), parent, k)}
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

func (v *formView) addButton(label string, f func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, theme.ContentAddIcon(), f)
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	return b
}

// lineKey is the key of a line's text field.
func lineKey(id string) string { return id + "/" + app.FieldBody }

// insertLine adds an empty line of kind k after the line after ("" first)
// and puts the cursor in it.
func (v *formView) insertLine(k app.Kind, parent, after string) {
	var id string
	if v.edit("", func(ed *app.Editor) (err error) {
		id, err = ed.Insert(k, parent, after, app.Element{})
		return err
	}) == nil {
		v.focus(lineKey(id))
	}
}

// linesBlock is an editable list of lines: Enter adds the next row,
// Backspace in an empty row removes it, Alt+↑/↓ moves it.
func (v *formView) linesBlock(title, parent string, k app.Kind, multi bool) fyne.CanvasObject {
	box := container.NewVBox(fieldLabel(title))
	lines := v.session().Children(parent, k)
	for i, l := range lines {
		prev := ""
		if i > 0 {
			prev = lines[i-1].ID
		}
		box.Add(v.lineRow(k, parent, l, prev, i, multi))
	}
	box.Add(v.addButton(lang.L("Regel toevoegen"), func() {
		after := ""
		if n := len(lines); n > 0 {
			after = lines[n-1].ID
		}
		v.insertLine(k, parent, after)
	}))
	return box
}

// lineRow is one editable line with its number or bullet, its rating mark
// and its buttons.
func (v *formView) lineRow(k app.Kind, parent string, l app.Element, prev string, i int, multi bool) fyne.CanvasObject {
	e := v.entry(l.ID, app.FieldBody, l.Body, true)
	e.SubmitOnEnter = true
	e.MinRows = 1
	if multi {
		e.MinRows = 2
	}
	remove := func() error { return v.edit("", func(ed *app.Editor) error { return ed.Remove(l.ID) }) }
	move := func(delta int) error { return v.edit("", func(ed *app.Editor) error { return ed.MoveBy(l.ID, delta) }) }
	e.OnSubmitted = func(string) { v.insertLine(k, parent, l.ID) }
	e.OnBackspaceEmpty = func() {
		if remove() == nil && prev != "" {
			v.focus(lineKey(prev))
		}
	}
	e.OnMove = func(delta int) {
		if move(delta) == nil {
			v.focus(lineKey(l.ID))
		}
	}
	tools := container.NewHBox(
		iconButton(theme.MoveUpIcon(), lang.L("Regel omhoog (Alt+↑)"), func() { move(-1) }),
		iconButton(theme.MoveDownIcon(), lang.L("Regel omlaag (Alt+↓)"), func() { move(1) }),
		iconButton(theme.DeleteIcon(), lang.L("Regel verwijderen (Backspace in een lege regel)"), func() { remove() }))
	if k == app.KindLijstItem {
		tools.Objects = append([]fyne.CanvasObject{v.sourceSelect(l)}, tools.Objects...)
	}
	var lead fyne.CanvasObject = widget.NewLabel("•")
	if k == app.KindWerkzaamheid || k == app.KindKennisVaardigheid {
		lead = widget.NewLabel(fmt.Sprintf("%d.", i+1))
	}
	if a := v.session().Profile().Latest(l.ID); a != "" {
		mark := widgets.NewRatingMark()
		mark.SetRating(a)
		lead = container.NewHBox(lead, container.NewCenter(mark))
	}
	return container.NewBorder(nil, nil, lead, tools, widgets.WithWheel(e, v.Scroll))
}

// iconButton is a small button with only an icon and a tooltip; Tab
// passes it by.
func iconButton(icon fyne.Resource, tip string, f func()) *widgets.ToolButton {
	return widgets.NewToolButton(icon, tip, f)
}

// competentiesBlock shows the competenties, each with a button that takes
// it away (the names wrap, so a long one fits a narrow pane), and a button
// that opens the picker.
func (v *formView) competentiesBlock(parent string) fyne.CanvasObject {
	chips := container.NewVBox()
	names := map[string]string{}
	if cat := v.session().Catalogue(); cat != nil {
		for _, c := range cat.Competenties {
			names[c.ID] = c.Name
		}
	}
	for _, r := range v.session().Children(parent, app.KindCompetentie) {
		r := r
		name, ok := names[r.Ref]
		if !ok {
			name = lang.L("onbekende competentie")
		}
		remove := iconButton(theme.CancelIcon(), lang.L("Competentie weghalen"), func() {
			v.edit("", func(ed *app.Editor) error { return ed.Remove(r.ID) })
		})
		chips.Add(container.NewBorder(nil, nil, remove, nil, wrapped(name)))
	}
	add := v.addButton(lang.L("Competentie toevoegen"), func() { v.host.PickCompetentie(parent) })
	return container.NewVBox(fieldLabel(lang.L("Competenties")), chips, add)
}

// reviewsBlock shows the ratings and notes on an element, each with its
// source, and lets the designer change or remove one.
func (v *formView) reviewsBlock(id string) fyne.CanvasObject {
	p := v.session().Profile()
	rs := p.ReviewsOf(id)
	box := container.NewVBox()
	if len(rs) == 0 {
		return box
	}
	box.Add(fieldLabel(lang.L("Beoordelingen en notities") + " — " + p.RatingsOf(id).String()))
	for _, r := range rs {
		r := r
		mark := widgets.NewRatingMark()
		head := r.Source + " " + r.Date
		if r.Kind == app.ReviewAanvullend {
			head = lang.L("aanvullende informatie") + " — " + head
		} else {
			mark.SetRating(r.Aansluiting)
		}
		body := head
		if g := r.Grond(); g != "" {
			body += "\n" + g
		}
		if r.Toelichting != "" {
			body += "\n" + r.Toelichting
		}
		text := wrapped(body)
		edit := iconButton(theme.DocumentCreateIcon(), lang.L("Beoordeling wijzigen"), func() { v.askEditReview(r) })
		remove := iconButton(theme.DeleteIcon(), lang.L("Beoordeling verwijderen"), func() {
			v.edit("", func(ed *app.Editor) error { return ed.RemoveReview(r.ID) })
		})
		box.Add(container.NewBorder(nil, nil, container.NewCenter(mark), container.NewHBox(edit, remove), text))
	}
	return box
}

// findingsAbout lists what the research found about an element, each
// finding with its rating and where it stands.
func (v *formView) findingsAbout(id string) fyne.CanvasObject {
	box := container.NewVBox()
	fs := v.session().Profile().BevindingenOver(id, v.ws.Bronnen())
	if len(fs) == 0 {
		return box
	}
	box.Add(fieldLabel(lang.L("Bevindingen uit het onderzoek")))
	for _, f := range fs {
		box.Add(markedText(f.Aansluiting, f.Onderwerp+": "+f.Tekst))
		if f.Vindplaats != "" {
			box.Add(smallWrapped(f.Vindplaats))
		}
	}
	return box
}

// provenance marks a text as the research's, not the bcp's own.
func provenance(text string) fyne.CanvasObject {
	l := wrapped(text)
	l.Importance = widget.WarningImportance
	l.TextStyle.Italic = true
	return container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, l)
}

// askEditReview changes one rating and its toelichting.
func (v *formView) askEditReview(r *app.Review) {
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
	d := showForm(v.host.window(), r.Source+" "+r.Date, lang.L("Opslaan"), items, func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			a := ratings[sel.SelectedIndex()]
			v.edit("", func(ed *app.Editor) error { return ed.SetReview(r.ID, a, note.Text) })
		}
	})
	d.Resize(fyne.NewSize(560, 360))
}

// refreshProblems shows the validation messages about the node in the
// form, without rebuilding it (typing is never interrupted).
func (v *formView) refreshProblems() {
	s := v.session()
	if v.problemsBox == nil || s == nil {
		return
	}
	v.problemsBox.Objects = nil
	ids := map[string]bool{v.nodeID: true}
	if v.nodeID == widgets.NodeMeta {
		ids[s.Profile().ID] = true
	}
	for _, c := range s.Children(v.nodeID, app.KindCompetentie, app.KindResultaat, app.KindKennis, app.KindVaardigheid, app.KindKennisVaardigheid, app.KindWerkzaamheid) {
		ids[c.ID] = true
	}
	for _, pr := range s.Problems() {
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
		v.problemsBox.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l))
	}
	v.problemsBox.Refresh()
}

// sourceSelect chooses where a list item comes from: the bcp, the
// interviews, or neither.
func (v *formView) sourceSelect(l app.Element) fyne.CanvasObject {
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
			v.edit("", func(ed *app.Editor) error { return ed.SetField(l.ID, app.FieldSource, string(sources[i])) })
		}
	}
	return sel
}

// errLocked is what an edit of a vastgesteld profile returns until the
// designer chose to edit it anyway; the question is already on screen.
var errLocked = errors.New("profiel is vastgesteld")

// mayChange is every field's guard: in a read-only library nothing may
// change (the status line says why); a vastgesteld profile asks first.
func (v *formView) mayChange() bool {
	switch {
	case v.ws.ReadOnly():
		v.host.status(lang.L("Alleen lezen: deze bibliotheek kan niet worden gewijzigd."))
		return false
	case v.locked():
		v.askUnlock()
		return false
	}
	return true
}

// locked reports whether the open profile is vastgesteld and not (yet)
// unlocked for editing.
func (v *formView) locked() bool {
	s := v.session()
	return s != nil && s.Profile().Status == app.StatusVastgesteld && !v.unlocked[s.Profile().ID]
}

// lockBanner says the profile is vastgesteld and offers the two ways on.
func (v *formView) lockBanner() fyne.CanvasObject {
	l := wrapped(lang.L("Dit profiel is vastgesteld. Wijzigingen horen in een nieuwe versie; bewerk dit profiel alleen om een fout te herstellen."))
	l.Importance = widget.WarningImportance
	return container.NewVBox(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l),
		container.NewHBox(widget.NewButton(lang.L("Nieuwe versie maken"), v.host.NewVersion), widget.NewButton(lang.L("Toch bewerken"), v.unlock)),
		widget.NewSeparator())
}

// askUnlock asks, on a first edit of a vastgesteld profile, whether to make
// a new version or edit it anyway.
func (v *formView) askUnlock() {
	if v.asking {
		return // one question at a time, however fast the designer types
	}
	v.asking = true
	var d *dialog.CustomDialog
	hide := func() {
		v.asking = false
		d.Hide()
	}
	choose := func(then func()) func() {
		return func() {
			hide()
			then()
		}
	}
	newVersion := widget.NewButton(lang.L("Nieuwe versie maken"), choose(v.host.NewVersion))
	newVersion.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Vastgesteld profiel"),
		wrapped(lang.L("Dit profiel is vastgesteld. Nieuwe versie maken? Kies 'Toch bewerken' alleen om een fout te herstellen.")), v.host.window())
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Annuleren"), hide),
		widget.NewButton(lang.L("Toch bewerken"), choose(v.unlock)), newVersion})
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
	keyed(v.host.window(), d, choose(v.host.NewVersion), hide)
}

// unlock lets the designer edit the vastgesteld profile in this session.
func (v *formView) unlock() {
	if s := v.session(); s != nil {
		v.unlocked[s.Profile().ID] = true
		v.show(v.nodeID, false)
	}
}
