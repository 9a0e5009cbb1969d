package ui

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/widgets"
)

// MainWindow is the window a designer works in: the library on the left,
// the selected profile's tree in the middle, the selected element on the
// right.
type MainWindow struct {
	Window fyne.Window
	App    fyne.App

	store   app.Store
	cfg     Config
	ctx     context.Context
	catalog []*app.Catalogue

	summaries []app.ProfileSummary
	groups    map[string][]string // beroep group → profile IDs
	groupKeys []string
	labels    map[string]string // library node → label

	Library *widget.Tree
	Tree    *widgets.ProfileTree
	Detail  *Detail
	Status  *widget.Label

	profile *app.Profile
}

// NewMainWindow builds the main window over a store and fills the library.
func NewMainWindow(a fyne.App, st app.Store, cfg Config) *MainWindow {
	mw := &MainWindow{App: a, store: st, cfg: cfg, ctx: context.Background()}
	mw.Window = a.NewWindow("BCP Editor")
	mw.Status = widget.NewLabel("")
	mw.Status.Truncation = fyne.TextTruncateEllipsis
	mw.Detail = NewDetail()
	mw.Tree = widgets.NewProfileTree()
	mw.Tree.MetaLabel = lang.L("Profielgegevens")
	mw.Tree.AlgemeenLabel = lang.L("Algemene informatie")
	mw.Tree.LijstenLabel = lang.L("Lijsten")
	mw.Tree.TrendsLabel = lang.L("Trends")
	mw.Tree.OnNodeSelected = mw.onNodeSelected
	mw.Library = mw.newLibraryTree()

	libHeader := widget.NewLabelWithStyle(strings.ToUpper(lang.L("Bibliotheek")), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	left := container.NewBorder(libHeader, nil, nil, nil, mw.Library)
	middle := container.NewBorder(nil, nil, nil, nil, mw.Tree)
	right := container.NewVScroll(mw.Detail)
	inner := container.NewHSplit(middle, right)
	inner.Offset = 0.42
	outer := container.NewHSplit(left, inner)
	outer.Offset = 0.22
	mw.Window.SetContent(container.NewBorder(nil, mw.Status, nil, nil, outer))
	mw.Window.SetMainMenu(mw.menu())
	mw.Window.Resize(fyne.NewSize(1200, 760))
	mw.Reload()
	if len(mw.summaries) > 0 {
		mw.Library.Select(mw.summaries[0].ID)
	}
	return mw
}

// Reload reads the library again and keeps the selected profile.
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
		mw.OpenProfile(id)
	}
	return t
}

// OpenProfile loads a profile and shows its tree.
func (mw *MainWindow) OpenProfile(id string) {
	p, err := mw.store.LoadProfile(mw.ctx, id)
	if err != nil {
		mw.showError(err)
		return
	}
	mw.profile = p
	mw.Tree.UnselectAll()
	mw.Tree.SetProfile(p)
	mw.Detail.ShowProfile(p, mw.catalogue())
	mw.Window.SetTitle(fmt.Sprintf("BCP Editor — %s (%s, %s)", p.Title, p.VersionLabel, lang.L(string(p.Status))))
}

// Profile is the profile that is open, or nil.
func (mw *MainWindow) Profile() *app.Profile { return mw.profile }

func (mw *MainWindow) catalogue() *app.Catalogue {
	if mw.profile == nil {
		return nil
	}
	return app.CatalogueByID(mw.catalog, mw.profile.CatalogueID)
}

func (mw *MainWindow) onNodeSelected(n *widgets.ProfileNode) {
	if mw.profile == nil {
		return
	}
	mw.Detail.ShowNode(mw.profile, mw.catalogue(), n.ID)
}

func (mw *MainWindow) showError(err error) {
	fyne.LogError("BCP Editor", err)
	dialog.ShowError(err, mw.Window)
}
