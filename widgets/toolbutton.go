package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ToolButton is a small icon button with a tooltip that says what it does.
// It takes no keyboard focus, so Tab goes from field to field past the
// row buttons (each has a shortcut); a disabled one is drawn faint.
type ToolButton struct {
	widget.BaseWidget
	Icon     fyne.Resource
	Tip      string
	OnTapped func()
	disabled bool
	hovered  bool
	tip      tip
}

// NewToolButton makes a tool button.
func NewToolButton(icon fyne.Resource, tipText string, tapped func()) *ToolButton {
	b := &ToolButton{Icon: icon, Tip: tipText, OnTapped: tapped}
	b.tip.owner = b
	b.ExtendBaseWidget(b)
	return b
}

// Tapped runs the action.
func (b *ToolButton) Tapped(*fyne.PointEvent) {
	b.tip.out()
	if !b.disabled && b.OnTapped != nil {
		b.OnTapped()
	}
}

// Enable and Disable switch the button on and off.
func (b *ToolButton) Enable() { b.disabled = false; b.Refresh() }

// Disable switches the button off.
func (b *ToolButton) Disable() { b.disabled = true; b.Refresh() }

// Disabled reports whether the button is off.
func (b *ToolButton) Disabled() bool { return b.disabled }

// MouseIn highlights the button and waits for the tip.
func (b *ToolButton) MouseIn(ev *desktop.MouseEvent) {
	b.hovered = true
	b.Refresh()
	b.tip.in(b.Tip, ev)
}

// MouseMoved does nothing.
func (b *ToolButton) MouseMoved(*desktop.MouseEvent) {}

// MouseOut takes the highlight and the tip away.
func (b *ToolButton) MouseOut() {
	b.hovered = false
	b.Refresh()
	b.tip.out()
}

// Cursor is a hand.
func (b *ToolButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer draws the icon on a hover ground.
func (b *ToolButton) CreateRenderer() fyne.WidgetRenderer {
	r := &toolButtonRenderer{b: b, bg: canvas.NewRectangle(color.Transparent), icon: canvas.NewImageFromResource(b.Icon)}
	r.icon.FillMode = canvas.ImageFillContain
	r.Refresh()
	return r
}

type toolButtonRenderer struct {
	b    *ToolButton
	bg   *canvas.Rectangle
	icon *canvas.Image
}

func (r *toolButtonRenderer) Destroy() {}

func (r *toolButtonRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.icon} }

func (r *toolButtonRenderer) MinSize() fyne.Size {
	s := theme.IconInlineSize() + 2*theme.InnerPadding()/2
	return fyne.NewSquareSize(s)
}

func (r *toolButtonRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	s := theme.IconInlineSize()
	r.icon.Resize(fyne.NewSquareSize(s))
	r.icon.Move(fyne.NewPos((size.Width-s)/2, (size.Height-s)/2))
}

// Refresh reads the theme again: icon size, hover colour, faint when off.
func (r *toolButtonRenderer) Refresh() {
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.bg.FillColor = color.Transparent
	if r.b.hovered && !r.b.disabled {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	res := r.b.Icon
	if r.b.disabled {
		res = theme.NewDisabledResource(res)
	}
	r.icon.Resource = res
	r.Layout(r.b.Size())
	r.bg.Refresh()
	r.icon.Refresh()
}
