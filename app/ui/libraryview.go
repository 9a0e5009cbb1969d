package ui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// libraryModel is what the library view needs of the workspace.
type libraryModel interface {
	Profiles() []app.ProfileSummary
	Session() *workspace.Session
	Subscribe(func(workspace.Event)) func()
}

// libraryView is the Bibliotheek pane: the profiles grouped by beroep, each
// with version, owner and status. Choosing one opens it.
type libraryView struct {
	ws     libraryModel
	Tree   *widgets.KeyTree
	onOpen func(id string)

	groups    map[string][]string // beroep group → profile IDs
	groupKeys []string
	labels    map[string]string // node → label
	syncing   bool              // selecting to follow the open profile
}

func newLibraryView(ws libraryModel, onOpen func(id string)) *libraryView {
	v := &libraryView{ws: ws, onOpen: onOpen, groups: map[string][]string{}, labels: map[string]string{}}
	v.Tree = widgets.NewKeyTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID {
			if id == "" {
				return v.groupKeys
			}
			return v.groups[id]
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
			l.SetText(v.labels[id])
		},
	)
	v.Tree.OnSelected = v.onSelected
	ws.Subscribe(func(e workspace.Event) {
		switch e.Kind {
		case workspace.LibraryChanged:
			v.refresh()
		case workspace.ProfileOpened:
			v.follow()
		}
	})
	v.refresh()
	return v
}

func (v *libraryView) onSelected(id widget.TreeNodeID) {
	if strings.HasPrefix(id, "beroep:") {
		v.Tree.ToggleBranch(id)
		v.Tree.Unselect(id)
		v.follow()
		return
	}
	if v.syncing {
		return
	}
	if s := v.ws.Session(); s == nil || s.Profile().ID != id {
		v.onOpen(id)
	}
}

// refresh shows the library's profiles as they are now.
func (v *libraryView) refresh() {
	v.groups, v.labels, v.groupKeys = map[string][]string{}, map[string]string{}, nil
	for _, s := range v.ws.Profiles() {
		key := "beroep:" + groupKey(s.Beroep)
		if _, ok := v.groups[key]; !ok {
			v.groupKeys = append(v.groupKeys, key)
			v.labels[key] = s.Beroep
		}
		v.groups[key] = append(v.groups[key], s.ID)
		v.labels[s.ID] = profileLabel(s)
	}
	sort.Strings(v.groupKeys)
	v.Tree.Refresh()
	for _, k := range v.groupKeys {
		v.Tree.OpenBranch(k)
	}
	v.follow()
}

// follow selects the open profile without opening it again.
func (v *libraryView) follow() {
	v.syncing = true
	defer func() { v.syncing = false }()
	if s := v.ws.Session(); s != nil {
		v.Tree.Select(s.Profile().ID)
	} else {
		v.Tree.UnselectAll()
	}
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
