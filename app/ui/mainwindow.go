package ui

import (
	"errors"
	"fmt"
	"path/filepath"
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
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// MainWindow is the window a designer works in: the library on the left,
// the open profile's tree in the middle, the editor for the selected node
// on the right, a status line below. It joins the views; each refreshes
// itself on the workspace's events.
type MainWindow struct {
	Window fyne.Window
	App    fyne.App

	ws   *workspace.Workspace
	cfg  Config
	acts map[string]*action
	bg   background

	library   *libraryView
	tree      *treeView
	form      *formView
	Status    *widget.Label
	SaveState *widget.Label
	// Presence names who else has the open profile open (a team library).
	Presence *widget.Label
	conflict *dialog.CustomDialog
	// toldUnreachable: the designer was told the team library cannot be
	// reached (once per lost connection).
	toldUnreachable bool
	// connectionNews is the last news about the connection while it is
	// fine ("weer verbonden"), shown in the status bar until the next edit.
	connectionNews string
	// moved is the window that took over when another library was opened.
	moved *MainWindow

	search       *searchPanel
	picker       *picker
	competenties *competentiesView
	history      *historyView
	workshop     *WorkshopView
	merge        *mergeView
	exporting    *exportProgress
}

// NewMainWindow builds the main window over an open workspace, fills the
// library and opens the profile that was open last time (or the first).
func NewMainWindow(a fyne.App, ws *workspace.Workspace, cfg Config) *MainWindow {
	mw := &MainWindow{App: a, ws: ws, cfg: cfg}
	mw.bg.queue = queueBackgroundDone
	mw.applyTheme()
	mw.Window = a.NewWindow("BCP Editor")
	mw.Status = widget.NewLabel("")
	mw.Status.Truncation = fyne.TextTruncateEllipsis
	mw.SaveState = widget.NewLabel("")
	mw.Presence = widget.NewLabel("")
	// The views subscribe in this order, so that on each event the tree
	// and the form are current before the window acts on them.
	mw.library = newLibraryView(ws, mw.openFromLibrary)
	mw.tree = newTreeView(ws, a.Preferences(), mw.onNodeSelected)
	mw.form = newFormView(ws, mw)
	ws.Subscribe(mw.onWorkspaceEvent)
	mw.acts = mw.actions()
	mw.Window.SetMainMenu(mw.menu())
	mw.acts["openLibrary"].setEnabled(cfg.Locate != nil)
	mw.acts["takeOffline"].setEnabled(mw.isTeam())
	mw.acts["bringBack"].setEnabled(mw.isTeam() && !ws.ReadOnly())
	mw.registerShortcuts()
	// Function keys (F2, F7, F9) have no modifier, so Fyne does not make
	// shortcuts of them: catch them as keys when nothing has focus, and
	// from the trees when they have it. Enter and Esc go to an open dialog.
	mw.Window.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if !dialogKey(mw.Window, k) {
			mw.functionKey(k)
		}
	})
	mw.library.Tree.OnFunctionKey = mw.functionKey
	mw.tree.Tree.OnFunctionKey = mw.functionKey
	mw.Window.SetContent(mw.layout())
	prefs := a.Preferences()
	mw.Window.Resize(fyne.NewSize(float32(prefs.FloatWithFallback("window.width", 1200)), float32(prefs.FloatWithFallback("window.height", 760))))
	mw.Window.SetOnClosed(mw.saveWindowSize)
	if !mw.bg.queue { // tests follow changes made elsewhere when they ask
		mw.followRemote()
	}
	mw.showLibraryStatus()
	mw.indexLibrary()
	mw.openLast()
	mw.updateUndoRedo()
	mw.updatePresence()
	return mw
}

func (mw *MainWindow) layout() fyne.CanvasObject {
	libHeader := widget.NewLabelWithStyle(strings.ToUpper(lang.L("Bibliotheek")), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	newProfile := widget.NewButtonWithIcon(lang.L("Nieuw profiel…"), theme.ContentAddIcon(), mw.AskNewProfile)
	left := container.NewBorder(libHeader, newProfile, nil, nil, mw.library.Tree)
	middle := container.NewBorder(nil, mw.treeToolbar(), nil, nil, mw.tree.Tree)
	inner := container.NewHSplit(middle, mw.form.Scroll)
	inner.Offset = 0.4
	outer := container.NewHSplit(left, inner)
	outer.Offset = 0.2
	status := container.NewBorder(nil, nil, nil, container.NewHBox(mw.Presence, mw.SaveState), mw.Status)
	var top fyne.CanvasObject
	if mw.ws.ReadOnly() {
		top = readOnlyBanner()
	}
	return container.NewBorder(top, status, nil, nil, outer)
}

// readOnlyBanner says at once that nothing can be changed, and why.
func readOnlyBanner() fyne.CanvasObject {
	l := widget.NewLabel(lang.L("Alleen lezen: deze bibliotheek is alleen-lezen geopend. U kunt lezen, zoeken, vergelijken en exporteren, maar niets wijzigen."))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	l.TextStyle.Bold = true
	return container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.WarningIcon()), nil, l)
}

// openLast opens the profile that was open last time, or the first.
func (mw *MainWindow) openLast() {
	last := mw.App.Preferences().String("profile.last")
	if _, ok := mw.ws.Summary(last); ok {
		mw.OpenProfile(last)
		return
	}
	if ps := mw.ws.Profiles(); len(ps) > 0 {
		mw.OpenProfile(ps[0].ID)
	}
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
	btn := func(icon fyne.Resource, id string) *widgets.ToolButton {
		a := mw.acts[id]
		tip := a.label
		if len(a.shortcuts) > 0 {
			tip += " (" + shortcutText(a.shortcuts[0]) + ")"
		}
		b := widgets.NewToolButton(icon, tip, a.run)
		a.buttons = append(a.buttons, b)
		return b
	}
	return container.NewHBox(btn(theme.ContentAddIcon(), "addChild"), btn(theme.MoveUpIcon(), "up"), btn(theme.MoveDownIcon(), "down"),
		btn(theme.DeleteIcon(), "delete"), btn(theme.ContentUndoIcon(), "undo"), btn(theme.ContentRedoIcon(), "redo"))
}

// indexLibrary fills the search index off the UI goroutine; the index can
// be searched while it fills.
func (mw *MainWindow) indexLibrary() {
	job := mw.ws.IndexAll()
	mw.bg.run(func() {
		if err := job.Run(); err != nil {
			fyne.LogError("zoekindex opbouwen", err)
		}
	}, nil)
}

// onWorkspaceEvent keeps the window's own parts current: title, status
// line, undo and redo.
func (mw *MainWindow) onWorkspaceEvent(e workspace.Event) {
	if e.Remote {
		mw.remoteEvent(e)
		mw.updateTitle()
		mw.updateUndoRedo()
		return
	}
	switch e.Kind {
	case workspace.LibraryChanged:
		mw.showLibraryStatus()
	case workspace.ProfileOpened:
		mw.connectionNews = ""
		mw.SaveState.SetText("")
		mw.selectRemembered()
		mw.updatePresence()
	case workspace.ProfileEdited:
		mw.connectionNews = ""
		mw.SaveState.SetText(lang.L("Opgeslagen") + " ✓ " + time.Now().Format("15:04:05"))
	}
	mw.updateTitle()
	mw.updateUndoRedo()
}

func (mw *MainWindow) showLibraryStatus() {
	text := fmt.Sprintf("%s: %s · %s", lang.L("Bibliotheek"), libraryName(mw.ws.Location()),
		lang.L("{{.Count}} profielen", map[string]any{"Count": len(mw.ws.Profiles())}))
	if mw.ws.ReadOnly() {
		text = lang.L("Alleen lezen") + " · " + text
	}
	if state, news := mw.ws.Connection(); state != app.ConnectionOK && news != "" {
		text = news + " · " + text
	} else if mw.connectionNews != "" {
		text = mw.connectionNews + " · " + text
	}
	mw.Status.SetText(text)
}

// libraryName is a library as the status bar names it: a file by its
// name, a team library by its whole address (which has no password).
func libraryName(loc app.Location) string {
	if loc == nil {
		return ""
	}
	if s := loc.String(); strings.Contains(s, "://") {
		return s
	}
	return filepath.Base(loc.String())
}

// functionKey runs the action of F2, F7, F9 ….
func (mw *MainWindow) functionKey(k *fyne.KeyEvent) {
	mw.Global(&desktop.CustomShortcut{KeyName: k.Name})
}

// openFromLibrary opens the profile chosen in the library and puts the
// focus in its tree, so that ↑/↓ walk the profile, not the library.
func (mw *MainWindow) openFromLibrary(id string) {
	mw.OpenProfile(id)
	if mw.Profile() != nil && mw.Profile().ID == id {
		mw.Window.Canvas().Focus(mw.tree.Tree)
	}
}

// OpenProfile opens a profile for editing; the views follow.
func (mw *MainWindow) OpenProfile(id string) {
	if _, err := mw.ws.OpenProfile(id); err != nil {
		mw.showError(err)
		return
	}
	mw.App.Preferences().SetString("profile.last", id)
}

// selectRemembered selects the node that was selected when the profile
// was last open.
func (mw *MainWindow) selectRemembered() {
	s := mw.ws.Session()
	if s == nil {
		mw.form.show("", true)
		return
	}
	sel := mw.App.Preferences().StringWithFallback("tree.selected."+s.Profile().ID, widgets.NodeMeta)
	if mw.tree.Tree.Node(sel) == nil {
		sel = widgets.NodeMeta
	}
	mw.Select(sel)
}

func (mw *MainWindow) updateTitle() {
	s := mw.ws.Session()
	if s == nil {
		mw.Window.SetTitle("BCP Editor")
		return
	}
	p := s.Profile()
	mw.Window.SetTitle(fmt.Sprintf("BCP Editor — %s (%s, %s)", p.Title, p.VersionLabel, lang.L(string(p.Status))))
}

// updateUndoRedo enables Undo and Redo only when there is something to
// undo or redo.
func (mw *MainWindow) updateUndoRedo() {
	if mw.acts == nil {
		return
	}
	canUndo, canRedo := false, false
	if s := mw.ws.Session(); s != nil {
		_, canUndo = s.CanUndo()
		_, canRedo = s.CanRedo()
	}
	mw.acts["undo"].setEnabled(canUndo)
	mw.acts["redo"].setEnabled(canRedo)
}

// Session is the open profile's editing session, or nil.
func (mw *MainWindow) Session() *workspace.Session { return mw.ws.Session() }

// Profile is the profile that is open, or nil.
func (mw *MainWindow) Profile() *app.Profile {
	if s := mw.ws.Session(); s != nil {
		return s.Profile()
	}
	return nil
}

// Select selects a node in the tree (opening its parents) and shows its
// form from the top.
func (mw *MainWindow) Select(id string) {
	s := mw.ws.Session()
	if s == nil {
		return
	}
	if mw.tree.Tree.Node(id) == nil {
		mw.onNodeSelected(id)
		return
	}
	if el, ok := s.Element(id); ok && el.ParentID != "" {
		mw.tree.Tree.OpenBranch(el.ParentID)
	}
	mw.tree.Tree.Select(id)
	mw.tree.Tree.ScrollTo(id)
	if mw.form.nodeID != id {
		mw.onNodeSelected(id)
	}
}

func (mw *MainWindow) onNodeSelected(id string) {
	s := mw.ws.Session()
	if s == nil {
		return
	}
	mw.App.Preferences().SetString("tree.selected."+s.Profile().ID, id)
	mw.form.show(id, true)
}

// selected is the element selected in the tree (false for none or a
// synthetic branch).
func (mw *MainWindow) selected() (app.Element, bool) {
	s := mw.ws.Session()
	if s == nil {
		return app.Element{}, false
	}
	return s.Element(mw.form.nodeID)
}

// edit runs an edit of the open profile and reports a failure.
func (mw *MainWindow) edit(f func(ed *app.Editor) error) error {
	return mw.form.edit("", f)
}

func (mw *MainWindow) saveFailed(err error) {
	mw.SaveState.SetText(lang.L("Niet opgeslagen"))
	if errors.Is(err, app.ErrLibraryUnreachable) {
		// The server is away: say it once, not at every key typed; the
		// status bar keeps saying it until the connection is back.
		mw.Status.SetText(err.Error())
		if mw.toldUnreachable {
			return
		}
		mw.toldUnreachable = true
	}
	mw.showError(err)
}

func (mw *MainWindow) showError(err error) {
	if ce, ok := conflictIn(err); ok {
		mw.showConflict(ce)
		return
	}
	fyne.LogError("BCP Editor", err)
	showError(mw.Window, err)
}

func (mw *MainWindow) canvas() fyne.Canvas { return mw.Window.Canvas() }

// status shows a short message in the status bar.
func (mw *MainWindow) status(text string)  { mw.Status.SetText(text) }
func (mw *MainWindow) window() fyne.Window { return mw.Window }
func (mw *MainWindow) catalogue() *app.Catalogue {
	if s := mw.ws.Session(); s != nil {
		return s.Catalogue()
	}
	return nil
}
