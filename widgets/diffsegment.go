package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// Mark says how a word of a word diff is shown.
type Mark int

// The marks.
const (
	Plain   Mark = iota
	Removed      // struck through on a light red ground
	Added        // on a light green ground
)

// Piece is a run of text with one mark.
type Piece struct {
	Text string
	Mark Mark
}

// NewDiffText lays out a text word by word, wrapping, with removed words
// struck through on a light red ground and added words on a light green
// one. The grounds are translucent theme colours, readable in light and
// dark mode; the strike-through means removal never depends on colour
// alone. bold makes the whole text bold (for titles).
func NewDiffText(pieces []Piece, bold bool) *fyne.Container {
	box := container(layout.NewRowWrapLayoutWithCustomPadding(theme.Padding(), 2))
	for _, p := range pieces {
		for _, w := range strings.Fields(p.Text) {
			box.Objects = append(box.Objects, word(w, p.Mark, bold))
		}
	}
	return box
}

func word(w string, m Mark, bold bool) fyne.CanvasObject {
	text := canvas.NewText(w, theme.Color(theme.ColorNameForeground))
	text.TextStyle.Bold = bold
	if m == Plain {
		return text
	}
	bg := canvas.NewRectangle(ground(m))
	bg.CornerRadius = 3
	line := canvas.NewLine(theme.Color(theme.ColorNameForeground))
	line.StrokeWidth = 1.5
	line.Hidden = m != Removed
	return container(&wordLayout{text: text, bg: bg, line: line}, bg, text, line)
}

func ground(m Mark) color.Color {
	name := theme.ColorNameSuccess
	if m == Removed {
		name = theme.ColorNameError
	}
	r, g, b, _ := theme.Color(name).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x55}
}

func container(l fyne.Layout, objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: l, Objects: objs}
}

// wordLayout gives a marked word a little room and puts the line through
// its middle.
type wordLayout struct {
	text *canvas.Text
	bg   *canvas.Rectangle
	line *canvas.Line
}

func (l *wordLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	s := l.text.MinSize()
	return fyne.NewSize(s.Width+4, s.Height)
}

func (l *wordLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	s := l.text.MinSize()
	l.bg.Resize(size)
	l.text.Resize(s)
	l.text.Move(fyne.NewPos(2, (size.Height-s.Height)/2))
	y := size.Height / 2
	l.line.Position1 = fyne.NewPos(1, y)
	l.line.Position2 = fyne.NewPos(size.Width-1, y)
}
