package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// KeyTree is Fyne's tree that hands the function keys (F2, F7, F9 …) to
// OnFunctionKey: Fyne makes no shortcuts of keys without a modifier, so a
// focused tree would swallow them.
type KeyTree struct {
	widget.Tree
	OnFunctionKey func(k *fyne.KeyEvent)
}

// NewKeyTree makes a tree with the usual callbacks.
func NewKeyTree(children func(widget.TreeNodeID) []widget.TreeNodeID, isBranch func(widget.TreeNodeID) bool,
	create func(bool) fyne.CanvasObject, update func(widget.TreeNodeID, bool, fyne.CanvasObject)) *KeyTree {
	t := &KeyTree{}
	t.ChildUIDs, t.IsBranch, t.CreateNode, t.UpdateNode = children, isBranch, create, update
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey hands function keys to OnFunctionKey, the rest to the tree.
func (t *KeyTree) TypedKey(k *fyne.KeyEvent) {
	if isFunctionKey(k.Name) && t.OnFunctionKey != nil {
		t.OnFunctionKey(k)
		return
	}
	t.Tree.TypedKey(k)
}
