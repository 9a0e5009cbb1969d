package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/search"
	"bcpeditor/widgets"
)

// The search overlay (Ctrl+F or Ctrl+K): a field and the best matches as
// you type, each with its kind, the text with the matched letters in bold,
// and profile and code. ↑/↓ choose, Enter or a click jumps, Esc closes.

// searchKinds are the choices of the kind filter, in menu order.
var searchKinds = []struct {
	label string
	kinds []app.Kind
}{
	{"Alle soorten", nil},
	{"Competentie", []app.Kind{search.KindCatalogus, app.KindCompetentie}},
	{"Kerntaak", []app.Kind{app.KindKerntaak}},
	{"Werkproces", []app.Kind{app.KindWerkproces}},
	{"Rol", []app.Kind{app.KindRol}},
	{"Werkzaamheid", []app.Kind{app.KindWerkzaamheid}},
	{"Resultaat", []app.Kind{app.KindResultaat}},
	{"Kennis", []app.Kind{app.KindKennis}},
	{"Vaardigheid", []app.Kind{app.KindVaardigheid}},
	{"Kennis en vaardigheden", []app.Kind{app.KindKennisVaardigheid}},
	{"Algemene informatie", []app.Kind{app.KindSectie, app.KindTrend, app.KindLijst, app.KindLijstItem}},
}

// searchPanel is the open search overlay.
type searchPanel struct {
	mw          *MainWindow
	entry       *widgets.FieldEntry
	list        *widget.List
	onlyProfile *widget.Check
	kind        *widget.Select
	popup       *widget.PopUp
	results     []search.Result
	selected    int
	gen         int
}

// ShowSearch opens the search overlay with the cursor in its field.
func (mw *MainWindow) ShowSearch() {
	if mw.search == nil {
		mw.search = mw.newSearchPanel()
	}
	sp := mw.search
	size := mw.Window.Canvas().Size()
	w := fyne.Min(760, size.Width-40)
	sp.popup.Resize(fyne.NewSize(w, fyne.Min(460, size.Height-60)))
	sp.popup.ShowAtPosition(fyne.NewPos((size.Width-w)/2, 8))
	mw.Window.Canvas().Focus(sp.entry)
	sp.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	sp.run()
}

func (mw *MainWindow) newSearchPanel() *searchPanel {
	sp := &searchPanel{mw: mw}
	sp.entry = widgets.NewFieldEntry("zoeken")
	sp.entry.SetPlaceHolder(lang.L("Zoek een competentie, werkproces, rol, kennis …"))
	sp.entry.OnChanged = func(string) { sp.run() }
	sp.entry.OnSubmitted = func(string) { sp.jump(sp.selected) }
	sp.entry.OnKey = func(k *fyne.KeyEvent) bool {
		switch k.Name {
		case fyne.KeyDown:
			sp.move(1)
		case fyne.KeyUp:
			sp.move(-1)
		case fyne.KeyEscape:
			sp.close()
		default:
			return false
		}
		return true
	}
	sp.onlyProfile = widget.NewCheck(lang.L("Alleen dit profiel"), func(bool) { sp.run() })
	var labels []string
	for _, k := range searchKinds {
		labels = append(labels, lang.L(k.label))
	}
	sp.kind = widget.NewSelect(labels, nil)
	sp.kind.SetSelectedIndex(0)
	sp.kind.OnChanged = func(string) { sp.run() }
	sp.list = widget.NewList(func() int { return len(sp.results) }, sp.newRow, sp.updateRow)
	sp.list.OnSelected = func(i widget.ListItemID) {
		if i != sp.selected {
			sp.jump(i)
		}
	}
	top := container.NewBorder(nil, nil, nil, container.NewHBox(sp.onlyProfile, sp.kind), sp.entry)
	sp.popup = widget.NewPopUp(container.NewBorder(top, nil, nil, nil, sp.list), mw.Window.Canvas())
	return sp
}

func (sp *searchPanel) options() search.Options {
	opt := search.Options{Limit: 50}
	if p := sp.mw.Profile(); sp.onlyProfile.Checked && p != nil {
		opt.ProfileID = p.ID
	}
	if i := sp.kind.SelectedIndex(); i > 0 {
		opt.Kinds = map[app.Kind]bool{}
		for _, k := range searchKinds[i].kinds {
			opt.Kinds[k] = true
		}
	}
	return opt
}

// run searches off the UI goroutine; a result that arrives after a newer
// query was typed is dropped.
func (sp *searchPanel) run() {
	sp.gen++
	gen, q, opt, ix := sp.gen, sp.entry.Text, sp.options(), sp.mw.ws.Index()
	var res []search.Result
	sp.mw.bg.run(func() { res = ix.Search(q, opt) }, func() {
		if gen != sp.gen {
			return
		}
		sp.results, sp.selected = res, 0
		sp.list.Refresh()
		if len(res) > 0 {
			sp.list.Select(0)
			sp.list.ScrollToTop()
		}
	})
}

func (sp *searchPanel) move(delta int) {
	if len(sp.results) == 0 {
		return
	}
	sp.selected = (sp.selected + delta + len(sp.results)) % len(sp.results)
	sp.list.Select(sp.selected)
}

func (sp *searchPanel) close() {
	sp.popup.Hide()
}

func (sp *searchPanel) jump(i int) {
	if i < 0 || i >= len(sp.results) {
		return
	}
	r := sp.results[i]
	sp.close()
	sp.mw.JumpTo(r)
}

func (sp *searchPanel) newRow() fyne.CanvasObject {
	badge := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	badge.Truncation = fyne.TextTruncateEllipsis
	text := widget.NewRichText()
	text.Truncation = fyne.TextTruncateEllipsis
	where := widget.NewLabel("")
	where.Importance = widget.LowImportance
	where.Truncation = fyne.TextTruncateEllipsis
	h := badge.MinSize().Height
	// Badge and place have columns of their own, so the text never runs
	// over them.
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, h), badge),
		container.NewGridWrap(fyne.NewSize(230, h), where), text)
}

func (sp *searchPanel) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(sp.results) {
		return
	}
	r := sp.results[i]
	c := o.(*fyne.Container)
	text := c.Objects[0].(*widget.RichText)
	badge := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	where := c.Objects[2].(*fyne.Container).Objects[0].(*widget.Label)
	badge.SetText(resultKind(r))
	text.Segments = Highlight(r.Snippet, r.Highlights)
	if u := usesText(r); u != "" {
		text.Segments = append(text.Segments, &widget.TextSegment{Text: "  — " + u, Style: widget.RichTextStyleInline})
	}
	text.Refresh()
	w := r.ProfileTitle
	if r.Code != "" {
		w += " · " + r.Code
	}
	where.SetText(w)
}

// resultKind is the badge of a result.
func resultKind(r search.Result) string {
	if r.Kind == search.KindCatalogus {
		return lang.L("Competentie")
	}
	return capitalise(lang.L(r.Kind.Label()))
}

// usesText says where a competentie is used ("in 1.1, 2.3, 3.4 …"), or for
// a line which werkproces or rol it belongs to.
func usesText(r search.Result) string {
	if len(r.Uses) > 0 {
		var groups []string
		for i := 0; i < len(r.Uses); {
			var codes []string
			j := i
			for ; j < len(r.Uses) && r.Uses[j].ProfileID == r.Uses[i].ProfileID; j++ {
				code := r.Uses[j].Parent.Code
				if r.Uses[j].Parent.Kind == app.KindRol {
					code = lang.L("rol") + " " + code
				}
				codes = append(codes, code)
			}
			groups = append(groups, strings.Join(codes, ", ")+" ("+r.Uses[i].ProfileTitle+")")
			i = j
		}
		return lang.L("in") + " " + strings.Join(groups, "; ")
	}
	if r.Parent != nil && r.Kind != app.KindWerkproces && r.Kind != app.KindRol && r.Kind != app.KindKerntaak {
		return strings.TrimSpace(r.Parent.Code + " " + r.Parent.Title)
	}
	return ""
}

// Highlight makes rich-text segments of a text with the given rune ranges
// in bold: exactly the letters that matched.
func Highlight(text string, ranges []search.Range) []widget.RichTextSegment {
	runes := []rune(text)
	var segs []widget.RichTextSegment
	add := func(from, to int, bold bool) {
		if from >= to {
			return
		}
		style := widget.RichTextStyleInline
		style.TextStyle.Bold = bold
		segs = append(segs, &widget.TextSegment{Text: string(runes[from:to]), Style: style})
	}
	at := 0
	for _, r := range ranges {
		start, end := max(r.Start, at), min(r.End, len(runes))
		add(at, start, false)
		add(start, end, true)
		at = max(at, end)
	}
	add(at, len(runes), false)
	return segs
}

// JumpTo opens the profile of a search result and selects its element: a
// line or competentie shows its werkproces or rol with the cursor in the
// line. A competentie of a model opens the competenties view.
func (mw *MainWindow) JumpTo(r search.Result) {
	if r.Kind == search.KindCatalogus {
		mw.ShowCompetenties(r.ElementID)
		return
	}
	if p := mw.Profile(); p == nil || p.ID != r.ProfileID {
		mw.OpenProfile(r.ProfileID)
	}
	if p := mw.Profile(); p == nil || p.ID != r.ProfileID {
		return
	}
	target := r.ElementID
	if mw.tree.Tree.Node(target) == nil && r.ParentID != "" {
		target = r.ParentID
	}
	if r.Parent != nil && mw.tree.Tree.Node(target) == nil {
		target = r.Parent.ID
	}
	mw.Select(target)
	if target != r.ElementID {
		mw.form.reveal(lineKey(r.ElementID))
	}
}
