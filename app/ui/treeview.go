package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// treeModel is what the tree view needs of the workspace.
type treeModel interface {
	Session() *workspace.Session
	Bronnen() []*app.Bron
	Subscribe(func(workspace.Event)) func()
}

// treeView is the open profile's tree: gegevens, algemene informatie,
// lijsten, trends and the kerntaken or rollen. It remembers per profile
// which branches were open.
type treeView struct {
	ws        treeModel
	prefs     fyne.Preferences
	Tree      *widgets.ProfileTree
	restoring bool
}

func newTreeView(ws treeModel, prefs fyne.Preferences, onSelect func(id string)) *treeView {
	v := &treeView{ws: ws, prefs: prefs, Tree: widgets.NewProfileTree()}
	t := v.Tree
	t.MetaLabel = lang.L("Profielgegevens")
	t.AlgemeenLabel = lang.L("Algemene informatie")
	t.LijstenLabel = lang.L("Lijsten")
	t.TrendsLabel = lang.L("Trends")
	t.BronnenLabel = lang.L("Bronnen")
	t.OnNodeSelected = func(n *widgets.ProfileNode) {
		if !v.restoring {
			onSelect(n.ID)
		}
	}
	t.Rating = func(id string) app.Aansluiting {
		if s := ws.Session(); s != nil {
			return s.Profile().Latest(id)
		}
		return ""
	}
	t.OnBranchOpened = func(string) { v.saveState() }
	t.OnBranchClosed = func(string) { v.saveState() }
	ws.Subscribe(func(e workspace.Event) {
		switch e.Kind {
		case workspace.ProfileOpened:
			v.show()
		case workspace.ProfileEdited:
			v.setBronnen()
			v.Tree.Update(ws.Session().Profile())
		}
	})
	return v
}

// show puts the open profile in the tree as it was left: its open
// branches (the first level the first time).
func (v *treeView) show() {
	v.restoring = true
	defer func() { v.restoring = false }()
	v.Tree.UnselectAll()
	s := v.ws.Session()
	if s == nil {
		v.Tree.Update(nil)
		return
	}
	p := s.Profile()
	v.setBronnen()
	open := v.prefs.StringList("tree.open." + p.ID)
	if len(open) == 0 {
		v.Tree.SetProfile(p)
		return
	}
	v.Tree.Update(p)
	v.Tree.CloseAllBranches()
	for _, o := range open {
		if v.Tree.Node(o) != nil {
			v.Tree.OpenBranch(o)
		}
	}
}

// setBronnen lists the research sources that concern the open profile.
func (v *treeView) setBronnen() {
	v.Tree.Bronnen = nil
	for _, o := range v.ws.Session().Profile().Findings(v.ws.Bronnen()) {
		v.Tree.Bronnen = append(v.Tree.Bronnen, widgets.ProfileNode{ID: o.Bron.ID, Text: o.Bron.Titel})
	}
}

func (v *treeView) saveState() {
	s := v.ws.Session()
	if s == nil || v.restoring {
		return
	}
	var open []string
	for _, id := range v.Tree.Order() {
		if v.Tree.IsBranchOpen(id) {
			open = append(open, id)
		}
	}
	v.prefs.SetStringList("tree.open."+s.Profile().ID, open)
}
