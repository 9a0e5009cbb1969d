package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"image/color"
)

// Texts that grow with their content: a multi-line field shows all of its
// text, so the form scrolls and the fields do not. Fyne's wrapping entry
// always scrolls inside itself and takes the mouse wheel; a field that is
// as tall as its text never needs to, and WithWheel gives the wheel back
// to the form.

// fit gives a growing field the rows its text needs at its width and tells
// OnGrow when that changed.
func (e *FieldEntry) fit() {
	if !e.Grow || !e.MultiLine {
		return
	}
	rows := max(e.MinRows, e.rowsNeeded(e.Size().Width))
	if rows == e.rows {
		return
	}
	e.rows = rows
	e.SetMinRowsVisible(rows)
	if e.OnGrow != nil {
		e.OnGrow()
	}
}

// rowsNeeded counts the rows the text wraps to at width (before the field
// has a width: about 70 characters a row).
func (e *FieldEntry) rowsNeeded(width float32) int {
	th := e.Theme()
	avail := width - 2*th.Size(theme.SizeNameInnerPadding) - 2*th.Size(theme.SizeNameInputBorder)
	rows := 0
	for _, para := range strings.Split(e.Text, "\n") {
		if avail <= 0 {
			rows += len([]rune(para))/70 + 1
			continue
		}
		rows += wrappedLines(para, avail, th.Size(theme.SizeNameText), e.TextStyle)
	}
	return rows
}

// wrappedLines counts the lines a paragraph wraps to, word by word as the
// entry wraps it.
func wrappedLines(para string, avail, size float32, style fyne.TextStyle) int {
	words := strings.Fields(para)
	if len(words) == 0 {
		return 1
	}
	space := fyne.MeasureText(" ", size, style).Width
	lines, width := 1, float32(0)
	for _, w := range words {
		ww := fyne.MeasureText(w, size, style).Width
		switch {
		case width == 0:
			width = ww
		case width+space+ww > avail:
			lines++
			width = ww
		default:
			width += space + ww
		}
	}
	return lines
}

// Resize fits the rows to the new width.
func (e *FieldEntry) Resize(size fyne.Size) {
	width := e.Size().Width
	e.Entry.Resize(size)
	if size.Width != width {
		e.fit()
	}
}

// AcceptsTab is false: Tab moves to the next field (Shift+Tab back), also
// from a multi-line text, instead of typing a tab character.
func (e *FieldEntry) AcceptsTab() bool { return false }

// wheelPass lies over an object and hands the mouse wheel to another
// scroller (the form's): a field that scrolls on its own never keeps it.
type wheelPass struct {
	widget.BaseWidget
	target fyne.Scrollable
}

func (p *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if p.target != nil {
		p.target.Scrolled(ev)
	}
}

func (p *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// WithWheel puts o under a layer that gives the mouse wheel to target;
// taps, typing and the text cursor still reach o.
func WithWheel(o fyne.CanvasObject, target fyne.Scrollable) fyne.CanvasObject {
	p := &wheelPass{target: target}
	p.ExtendBaseWidget(p)
	return container.NewStack(o, p)
}
