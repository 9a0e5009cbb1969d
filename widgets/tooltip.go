package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tooltips: Fyne 2.7 has none. A tip shows a short text in a small pop-up
// under the mouse after it rests on an object for a moment, and goes when
// the mouse leaves.

// tipDelay is how long the mouse rests before a tip shows.
const tipDelay = 600 * time.Millisecond

// tip is the tooltip of one object.
type tip struct {
	owner fyne.CanvasObject
	timer *time.Timer
	pop   *widget.PopUp
	at    fyne.Position
}

// in starts the wait for a tip at the mouse's position.
func (t *tip) in(text string, ev *desktop.MouseEvent) {
	t.out()
	if text == "" {
		return
	}
	t.at = ev.AbsolutePosition.Add(fyne.NewPos(8, 20))
	t.timer = time.AfterFunc(tipDelay, func() { fyne.Do(func() { t.Show(text) }) })
}

// Show shows the tip now.
func (t *tip) Show(text string) {
	c := fyne.CurrentApp().Driver().CanvasForObject(t.owner)
	if c == nil {
		return
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	t.pop = widget.NewPopUp(l, c)
	width := tipWidth(text)
	t.pop.Resize(fyne.NewSize(width, 0))
	t.pop.Resize(fyne.NewSize(width, t.pop.MinSize().Height))
	at := t.at
	if over := at.X + width - c.Size().Width; over > 0 {
		at.X -= over
	}
	t.pop.ShowAtPosition(at)
}

// tipWidth is as wide as the text on one line, at most 480: a wrapping
// label's own minimum is one character wide.
func tipWidth(text string) float32 {
	one := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width
	return fyne.Min(480, one+2*theme.InnerPadding()+2*theme.Padding())
}

// out cancels a waiting tip and hides a shown one.
func (t *tip) out() {
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	if t.pop != nil {
		t.pop.Hide()
		t.pop = nil
	}
}

// TipLabel is a label that shows Tip when the mouse rests on it: the whole
// text of a label that is shortened or cut off.
type TipLabel struct {
	widget.Label
	Tip string
	tip tip
}

// NewTipLabel makes a label with a tooltip.
func NewTipLabel(text string) *TipLabel {
	l := &TipLabel{}
	l.Text = text
	l.tip.owner = l
	l.ExtendBaseWidget(l)
	return l
}

// MouseIn waits for the tip.
func (l *TipLabel) MouseIn(ev *desktop.MouseEvent) { l.tip.in(l.Tip, ev) }

// MouseMoved does nothing: the tip stays where it was asked.
func (l *TipLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tip.
func (l *TipLabel) MouseOut() { l.tip.out() }
