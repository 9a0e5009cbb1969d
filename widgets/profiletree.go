// Package widgets holds reusable Fyne widgets of the BCP Editor, such as the
// tree of a profile's kerntaken and werkprocessen (or rollen and
// werkzaamheden).
package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
)

// Synthetic node IDs for the branches that are not elements.
const (
	NodeMeta     = "#profiel"
	NodeAlgemeen = "#algemeen"
	NodeLijsten  = "#lijsten"
	NodeTrends   = "#trends"
	NodeBronnen  = "#bronnen"
	// BronPrefix starts the node ID of one research source ("#bron:" + id).
	BronPrefix = "#bron:"
)

// ProfileNode is one node of a ProfileTree: an element of the profile or
// one of the synthetic branches.
type ProfileNode struct {
	ID       string
	Kind     app.Kind // empty for synthetic nodes
	Code     string
	Text     string
	Tip      string // the whole text, when Text is a short label
	Children []string
}

// ProfileTree shows a profile as a tree: its gegevens, algemene
// informatie, lists, trends and then kerntaken → werkprocessen or
// rollen → werkzaamheden. Node IDs are element IDs, so selection survives
// edits and moves.
type ProfileTree struct {
	widget.Tree

	nodes map[string]*ProfileNode
	// Labels for the synthetic branches; set before SetProfile.
	MetaLabel, AlgemeenLabel, LijstenLabel, TrendsLabel, BronnenLabel string
	// Bronnen are the research sources shown under their own branch at the
	// end (ID and title); set before Update.
	Bronnen []ProfileNode
	// OnSelected is called with the node's ID when the user selects a node.
	OnNodeSelected func(node *ProfileNode)
	// Rating gives the latest workshop rating of an element ("" for none),
	// shown as a mark before its label.
	Rating func(id string) app.Aansluiting
	// OnFunctionKey gets F2, F7, F9 … while the tree has focus: Fyne makes
	// no shortcuts of keys without a modifier, so the window would never
	// see them.
	OnFunctionKey func(k *fyne.KeyEvent)
}

// NewProfileTree makes an empty tree.
func NewProfileTree() *ProfileTree {
	t := &ProfileTree{
		nodes:         map[string]*ProfileNode{"": {}},
		MetaLabel:     "Profielgegevens",
		AlgemeenLabel: "Algemene informatie",
		LijstenLabel:  "Lijsten",
		TrendsLabel:   "Trends",
		BronnenLabel:  "Bronnen",
	}
	t.Tree.ChildUIDs = func(id widget.TreeNodeID) []widget.TreeNodeID {
		if n := t.nodes[id]; n != nil {
			return n.Children
		}
		return nil
	}
	t.Tree.IsBranch = func(id widget.TreeNodeID) bool {
		n := t.nodes[id]
		return n != nil && len(n.Children) > 0
	}
	t.Tree.CreateNode = func(bool) fyne.CanvasObject {
		l := NewTipLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		m := NewRatingMark()
		return &fyne.Container{Layout: layout.NewBorderLayout(nil, nil, m, nil), Objects: []fyne.CanvasObject{l, m}}
	}
	t.Tree.UpdateNode = func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
		n := t.nodes[id]
		if n == nil {
			return
		}
		text := n.Text
		if n.Code != "" {
			text = n.Code + "  " + text
		}
		c := o.(*fyne.Container)
		// Setting the same text again would shape it again (ellipsis
		// truncation measures it), which is most of the cost of a refresh.
		l := c.Objects[0].(*TipLabel)
		l.Tip = n.Tip
		if l.Tip == "" && len(text) > 40 {
			l.Tip = text // cut off in a narrow pane
		}
		if l.Text != text {
			l.SetText(text)
		}
		var a app.Aansluiting
		if t.Rating != nil && n.Kind != "" {
			a = t.Rating(id)
		}
		if c.Objects[1].(*RatingMark).SetRating(a) {
			c.Refresh()
		}
	}
	t.Tree.OnSelected = func(id widget.TreeNodeID) {
		if n := t.nodes[id]; n != nil && t.OnNodeSelected != nil {
			t.OnNodeSelected(n)
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// SetProfile replaces the tree's content with profile p (nil empties it)
// and opens the task tree's first level.
func (t *ProfileTree) SetProfile(p *app.Profile) {
	t.Update(p)
	for _, id := range t.nodes[""].Children {
		if n := t.nodes[id]; n.Kind == app.KindKerntaak || n.Kind == app.KindRol {
			t.OpenBranch(id)
		}
	}
}

// Update shows the current content of p after an edit, keeping which
// branches are open and what is selected (node IDs are element IDs).
func (t *ProfileTree) Update(p *app.Profile) {
	t.nodes = map[string]*ProfileNode{"": {}}
	if p == nil {
		t.Refresh()
		return
	}
	root := t.nodes[""]
	add := func(parent *ProfileNode, n *ProfileNode) *ProfileNode {
		t.nodes[n.ID] = n
		parent.Children = append(parent.Children, n.ID)
		return n
	}
	add(root, &ProfileNode{ID: NodeMeta, Text: t.MetaLabel})
	if len(p.Sections) > 0 {
		alg := add(root, &ProfileNode{ID: NodeAlgemeen, Text: t.AlgemeenLabel})
		var sections func(parent *ProfileNode, ss []*app.Section)
		sections = func(parent *ProfileNode, ss []*app.Section) {
			for _, s := range ss {
				sections(add(parent, &ProfileNode{ID: s.ID, Kind: app.KindSectie, Text: s.Title}), s.Sections)
			}
		}
		sections(alg, p.Sections)
	}
	if len(p.Lists) > 0 {
		lists := add(root, &ProfileNode{ID: NodeLijsten, Text: t.LijstenLabel})
		for _, l := range p.Lists {
			add(lists, &ProfileNode{ID: l.ID, Kind: app.KindLijst, Text: l.Title})
		}
	}
	if len(p.Trends) > 0 {
		trends := add(root, &ProfileNode{ID: NodeTrends, Text: t.TrendsLabel})
		for _, tr := range p.Trends {
			add(trends, &ProfileNode{ID: tr.ID, Kind: app.KindTrend, Text: tr.Title})
		}
	}
	for _, k := range p.Kerntaken {
		kn := add(root, &ProfileNode{ID: k.ID, Kind: app.KindKerntaak, Code: k.Code, Text: k.Title})
		for _, w := range k.Werkprocessen {
			add(kn, &ProfileNode{ID: w.ID, Kind: app.KindWerkproces, Code: w.Code, Text: w.Title})
		}
	}
	for _, r := range p.Rollen {
		rn := add(root, &ProfileNode{ID: r.ID, Kind: app.KindRol, Code: r.Code, Text: r.Title})
		texts := make([]string, len(r.Werkzaamheden))
		for i, w := range r.Werkzaamheden {
			texts[i] = w.Text
		}
		short := app.ShortLabels(texts, 7, p.Beroep)
		for i, w := range r.Werkzaamheden {
			add(rn, &ProfileNode{ID: w.ID, Kind: app.KindWerkzaamheid, Code: w.Code, Text: short[i], Tip: w.Text})
		}
	}
	if len(t.Bronnen) > 0 {
		bronnen := add(root, &ProfileNode{ID: NodeBronnen, Text: t.BronnenLabel})
		for _, b := range t.Bronnen {
			n := b
			n.ID = BronPrefix + b.ID
			add(bronnen, &n)
		}
	}
	t.Refresh()
}

// Order lists the node IDs in display order as if every branch were open:
// the order "next element" and "previous element" walk.
func (t *ProfileTree) Order() []string {
	var out []string
	var walk func(id string)
	walk = func(id string) {
		for _, c := range t.nodes[id].Children {
			out = append(out, c)
			walk(c)
		}
	}
	walk("")
	return out
}

// TypedKey hands function keys to OnFunctionKey, the rest to the tree.
func (t *ProfileTree) TypedKey(k *fyne.KeyEvent) {
	if isFunctionKey(k.Name) && t.OnFunctionKey != nil {
		t.OnFunctionKey(k)
		return
	}
	t.Tree.TypedKey(k)
}

// Node returns the node with the given ID, or nil.
func (t *ProfileTree) Node(id string) *ProfileNode { return t.nodes[id] }
