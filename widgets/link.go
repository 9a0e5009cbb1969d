package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Link is a text that goes somewhere when tapped and, unlike a button,
// wraps: a long title never makes the pane it is in wider than the
// window. It takes focus, so Tab reaches it and Space or Enter follows it.
type Link struct {
	widget.Label
	OnTapped func()
	focused  bool
}

// NewLink makes a link with the given text.
func NewLink(text string, tapped func()) *Link {
	l := &Link{OnTapped: tapped}
	l.Text = text
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.HighImportance
	l.ExtendBaseWidget(l)
	return l
}

// Tapped follows the link.
func (l *Link) Tapped(*fyne.PointEvent) {
	if l.OnTapped != nil {
		l.OnTapped()
	}
}

// Cursor shows a hand over the link.
func (l *Link) Cursor() desktop.Cursor { return desktop.PointerCursor }

// FocusGained underlines nothing but marks the link bold while it has
// focus, so keyboard users see where they are.
func (l *Link) FocusGained() {
	l.focused = true
	l.TextStyle.Bold = true
	l.Refresh()
}

// FocusLost takes the mark away again.
func (l *Link) FocusLost() {
	l.focused = false
	l.TextStyle.Bold = false
	l.Refresh()
}

// TypedRune follows the link on Space.
func (l *Link) TypedRune(r rune) {
	if r == ' ' {
		l.Tapped(nil)
	}
}

// TypedKey follows the link on Enter.
func (l *Link) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		l.Tapped(nil)
	}
}
