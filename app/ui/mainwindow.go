package ui

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/search"
	"bcpeditor/widgets"
)

// backgroundInline makes new windows run background work inline; tests set
// it so that results are there when the call returns.
var backgroundInline bool

var errNoCatalogue = errors.New("het competentiemodel van dit profiel ontbreekt in de bibliotheek")

// MainWindow is the window a designer works in: the library on the left,
// the open profile's tree in the middle, the editor for the selected node
// on the right. Every change is stored at once.
type MainWindow struct {
	Window fyne.Window
	App    fyne.App

	store   app.Store
	cfg     Config
	ctx     context.Context
	catalog []*app.Catalogue
	acts    map[string]*action

	summaries []app.ProfileSummary
	groups    map[string][]string // beroep group → profile IDs
	groupKeys []string
	labels    map[string]string // library node → label

	Library   *widget.Tree
	Tree      *widgets.ProfileTree
	Status    *widget.Label
	SaveState *widget.Label

	profile     *app.Profile
	editor      *app.Editor
	problems    []app.Problem
	form        *fyne.Container
	formID      string
	fields      map[string]*widgets.FieldEntry
	problemsBox *fyne.Container
	picker      *picker
	restoring   bool

	index        *search.Index
	search       *searchPanel
	competenties *competentiesView
	history      *historyView
	workshop     *WorkshopView
	// runBackground runs work off the UI goroutine (tests run it inline).
	runBackground func(func())
}

// NewMainWindow builds the main window over a store, fills the library and
// opens the profile that was open last time (or the first).
func NewMainWindow(a fyne.App, st app.Store, cfg Config) *MainWindow {
	mw := &MainWindow{App: a, store: st, cfg: cfg, ctx: context.Background(), fields: map[string]*widgets.FieldEntry{},
		index: search.New(), runBackground: func(f func()) { go f() }}
	if backgroundInline {
		mw.runBackground = func(f func()) { f() }
	}
	mw.applyTheme()
	mw.Window = a.NewWindow("BCP Editor")
	mw.Status = widget.NewLabel("")
	mw.Status.Truncation = fyne.TextTruncateEllipsis
	mw.SaveState = widget.NewLabel("")
	mw.Tree = widgets.NewProfileTree()
	mw.Tree.MetaLabel = lang.L("Profielgegevens")
	mw.Tree.AlgemeenLabel = lang.L("Algemene informatie")
	mw.Tree.LijstenLabel = lang.L("Lijsten")
	mw.Tree.TrendsLabel = lang.L("Trends")
	mw.Tree.OnNodeSelected = func(n *widgets.ProfileNode) { mw.onNodeSelected(n.ID) }
	mw.Tree.Rating = func(id string) app.Aansluiting {
		if mw.profile == nil {
			return ""
		}
		return mw.profile.Latest(id)
	}
	mw.Tree.OnBranchOpened = func(string) { mw.saveTreeState() }
	mw.Tree.OnBranchClosed = func(string) { mw.saveTreeState() }
	mw.Library = mw.newLibraryTree()
	mw.form = container.NewVBox()
	mw.Window.SetMainMenu(mw.menu())
	mw.registerShortcuts()
	// Function keys (F2, F7, F9) have no modifier, so Fyne does not make
	// shortcuts of them: catch them as keys when no field has focus.
	mw.Window.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		mw.Global(&desktop.CustomShortcut{KeyName: k.Name})
	})

	libHeader := widget.NewLabelWithStyle(strings.ToUpper(lang.L("Bibliotheek")), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	newProfile := widget.NewButtonWithIcon(lang.L("Nieuw profiel…"), theme.ContentAddIcon(), mw.AskNewProfile)
	left := container.NewBorder(libHeader, newProfile, nil, nil, mw.Library)
	middle := container.NewBorder(nil, mw.treeToolbar(), nil, nil, mw.Tree)
	right := container.NewVScroll(container.NewPadded(mw.form))
	inner := container.NewHSplit(middle, right)
	inner.Offset = 0.4
	outer := container.NewHSplit(left, inner)
	outer.Offset = 0.2
	status := container.NewBorder(nil, nil, nil, mw.SaveState, mw.Status)
	mw.Window.SetContent(container.NewBorder(nil, status, nil, nil, outer))

	prefs := a.Preferences()
	w := float32(prefs.FloatWithFallback("window.width", 1200))
	h := float32(prefs.FloatWithFallback("window.height", 760))
	mw.Window.Resize(fyne.NewSize(w, h))
	mw.Window.SetOnClosed(mw.saveWindowSize)
	mw.Reload()
	mw.buildIndex()
	last := prefs.String("profile.last")
	for _, s := range mw.summaries {
		if s.ID == last {
			mw.Library.Select(last)
			return mw
		}
	}
	if len(mw.summaries) > 0 {
		mw.Library.Select(mw.summaries[0].ID)
	}
	return mw
}

func (mw *MainWindow) saveWindowSize() {
	s := mw.Window.Canvas().Size()
	if s.Width > 0 && s.Height > 0 {
		mw.App.Preferences().SetFloat("window.width", float64(s.Width))
		mw.App.Preferences().SetFloat("window.height", float64(s.Height))
	}
}

// treeToolbar holds the buttons for the tree's commands; the same actions
// as the Profiel and Bewerken menus.
func (mw *MainWindow) treeToolbar() fyne.CanvasObject {
	btn := func(icon fyne.Resource, id string) *widget.Button {
		a := mw.acts[id]
		b := widget.NewButtonWithIcon("", icon, a.run)
		b.Importance = widget.LowImportance
		return b
	}
	add := widget.NewButtonWithIcon(lang.L("Nieuw onderdeel"), theme.ContentAddIcon(), mw.AddChild)
	add.Importance = widget.LowImportance
	return container.NewHBox(add, btn(theme.MoveUpIcon(), "up"), btn(theme.MoveDownIcon(), "down"),
		btn(theme.DeleteIcon(), "delete"), btn(theme.ContentUndoIcon(), "undo"), btn(theme.ContentRedoIcon(), "redo"))
}

// buildIndex fills the search index with every profile, off the UI
// goroutine; the index is safe to search while it fills.
func (mw *MainWindow) buildIndex() {
	ix, cats, sums := mw.index, mw.catalog, mw.summaries
	ix.SetCatalogues(cats)
	mw.runBackground(func() {
		for _, s := range sums {
			if p, err := mw.store.LoadProfile(mw.ctx, s.ID); err == nil {
				ix.SetProfile(p, cats)
			}
		}
	})
}

// Reload reads the library again.
func (mw *MainWindow) Reload() {
	sums, err := mw.store.ListProfiles(mw.ctx)
	if err != nil {
		mw.showError(err)
		return
	}
	cats, err := mw.store.Catalogues(mw.ctx)
	if err != nil {
		mw.showError(err)
		return
	}
	mw.summaries, mw.catalog = sums, cats
	mw.groups = map[string][]string{}
	mw.labels = map[string]string{}
	mw.groupKeys = nil
	for _, s := range sums {
		key := "beroep:" + groupKey(s.Beroep)
		if _, ok := mw.groups[key]; !ok {
			mw.groupKeys = append(mw.groupKeys, key)
			mw.labels[key] = s.Beroep
		}
		mw.groups[key] = append(mw.groups[key], s.ID)
		mw.labels[s.ID] = profileLabel(s)
	}
	sort.Strings(mw.groupKeys)
	mw.Library.Refresh()
	for _, k := range mw.groupKeys {
		mw.Library.OpenBranch(k)
	}
	mw.Status.SetText(fmt.Sprintf("%s: %s · %s", lang.L("Bibliotheek"), mw.cfg.LibraryPath,
		lang.L("{{.Count}} profielen", map[string]any{"Count": len(sums)})))
}

// groupKey puts "Junior accountmanager" and "(Junior) accountmanager" in
// one group.
func groupKey(beroep string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("(", "", ")", "").Replace(app.Fold(beroep))), " ")
}

// profileLabel is a profile's line under its beroep: version, owner and
// status, the things that tell versions of one beroep apart.
func profileLabel(s app.ProfileSummary) string {
	var keep []string
	for _, p := range []string{s.VersionLabel, s.Owner, lang.L(string(s.Status))} {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " · ")
}

func (mw *MainWindow) newLibraryTree() *widget.Tree {
	t := widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID {
			if id == "" {
				return mw.groupKeys
			}
			return mw.groups[id]
		},
		func(id widget.TreeNodeID) bool { return id == "" || strings.HasPrefix(id, "beroep:") },
		func(bool) fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = branch
			l.SetText(mw.labels[id])
		},
	)
	t.OnSelected = func(id widget.TreeNodeID) {
		if strings.HasPrefix(id, "beroep:") {
			t.ToggleBranch(id)
			t.Unselect(id)
			return
		}
		if mw.profile == nil || mw.profile.ID != id {
			mw.OpenProfile(id)
		}
	}
	return t
}

// OpenProfile loads a profile, shows its tree as it was left (open
// branches, selection) and starts a new editing session on it.
func (mw *MainWindow) OpenProfile(id string) {
	p, err := mw.store.LoadProfile(mw.ctx, id)
	if err != nil {
		mw.showError(err)
		return
	}
	mw.profile = p
	mw.editor = app.NewEditor(mw.ctx, mw.store, p)
	mw.problems = app.Validate(p, mw.catalogue())
	mw.App.Preferences().SetString("profile.last", p.ID)
	mw.restoring = true
	mw.Tree.UnselectAll()
	open := mw.App.Preferences().StringList("tree.open." + p.ID)
	if len(open) == 0 {
		mw.Tree.SetProfile(p)
	} else {
		mw.Tree.Update(p)
		mw.Tree.CloseAllBranches()
		for _, o := range open {
			if mw.Tree.Node(o) != nil {
				mw.Tree.OpenBranch(o)
			}
		}
	}
	mw.restoring = false
	sel := mw.App.Preferences().StringWithFallback("tree.selected."+p.ID, widgets.NodeMeta)
	if mw.Tree.Node(sel) == nil {
		sel = widgets.NodeMeta
	}
	mw.Select(sel)
	mw.updateTitle()
	mw.SaveState.SetText("")
}

func (mw *MainWindow) updateTitle() {
	p := mw.profile
	if p == nil {
		mw.Window.SetTitle("BCP Editor")
		return
	}
	mw.Window.SetTitle(fmt.Sprintf("BCP Editor — %s (%s, %s)", p.Title, p.VersionLabel, lang.L(string(p.Status))))
}

func (mw *MainWindow) saveTreeState() {
	if mw.profile == nil || mw.restoring {
		return
	}
	var open []string
	for _, id := range mw.Tree.Order() {
		if mw.Tree.IsBranchOpen(id) {
			open = append(open, id)
		}
	}
	mw.App.Preferences().SetStringList("tree.open."+mw.profile.ID, open)
}

// Profile is the profile that is open, or nil.
func (mw *MainWindow) Profile() *app.Profile { return mw.profile }

// Editor is the editing session of the open profile, or nil.
func (mw *MainWindow) Editor() *app.Editor { return mw.editor }

func (mw *MainWindow) catalogue() *app.Catalogue {
	if mw.profile == nil {
		return nil
	}
	return app.CatalogueByID(mw.catalog, mw.profile.CatalogueID)
}

// Select selects a node in the tree (opening its parents) and shows its
// form.
func (mw *MainWindow) Select(id string) {
	if mw.Tree.Node(id) == nil {
		mw.onNodeSelected(id)
		return
	}
	if el, ok := mw.editor.Element(id); ok && el.ParentID != "" {
		mw.Tree.OpenBranch(el.ParentID)
	}
	mw.Tree.Select(id)
	mw.Tree.ScrollTo(id)
	if mw.formID != id {
		mw.onNodeSelected(id)
	}
}

func (mw *MainWindow) onNodeSelected(id string) {
	if mw.profile == nil {
		return
	}
	mw.App.Preferences().SetString("tree.selected."+mw.profile.ID, id)
	mw.ShowForm(id)
}

// selected is the element selected in the tree ("" for none or a
// synthetic branch).
func (mw *MainWindow) selected() (app.Element, bool) {
	if mw.editor == nil {
		return app.Element{}, false
	}
	return mw.editor.Element(mw.formID)
}

// afterEdit brings tree, validation, title and save state up to date
// after an edit made in the form; the form itself stays, so typing goes on.
func (mw *MainWindow) afterEdit() {
	p := mw.profile
	mw.problems = app.Validate(p, mw.catalogue())
	mw.Tree.Update(p)
	mw.index.SetProfile(p, mw.catalog)
	mw.refreshProblems()
	mw.updateTitle()
	mw.SaveState.SetText(lang.L("Opgeslagen") + " ✓ " + time.Now().Format("15:04:05"))
}

// afterStructural follows an edit that changes what the form shows: it
// rebuilds the form (or selects selectID), and gives focus to focusKey, or
// back to the field that had it.
func (mw *MainWindow) afterStructural(err error, focusKey, selectID string) {
	if err != nil {
		mw.saveFailed(err)
		return
	}
	if focusKey == "" {
		if f, ok := mw.Window.Canvas().Focused().(*widgets.FieldEntry); ok {
			focusKey = f.Key
		}
	}
	mw.afterEdit()
	mw.refreshSummaries()
	switch {
	case selectID != "":
		mw.Select(selectID)
	case mw.formIsGone():
		mw.Select(widgets.NodeMeta)
	default:
		mw.ShowForm(mw.formID)
	}
	if e := mw.fields[focusKey]; e != nil {
		mw.Window.Canvas().Focus(e)
	}
}

func (mw *MainWindow) formIsGone() bool {
	if strings.HasPrefix(mw.formID, "#") {
		return false
	}
	_, ok := mw.editor.Element(mw.formID)
	return !ok
}

// refreshSummaries updates the library's labels (title, version, status
// may have changed) without reloading the open profile.
func (mw *MainWindow) refreshSummaries() {
	sums, err := mw.store.ListProfiles(mw.ctx)
	if err != nil {
		return
	}
	mw.summaries = sums
	for _, s := range sums {
		mw.labels[s.ID] = profileLabel(s)
	}
	mw.Library.Refresh()
}

func (mw *MainWindow) saveFailed(err error) {
	mw.SaveState.SetText(lang.L("Niet opgeslagen"))
	mw.showError(err)
}

func (mw *MainWindow) showError(err error) {
	fyne.LogError("BCP Editor", err)
	dialog.ShowError(err, mw.Window)
}
