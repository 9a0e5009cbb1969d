package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Mark says how a word of a compared text is shown.
type Mark int

// The marks.
const (
	Plain   Mark = iota
	Removed      // struck through on a light red ground
	Added        // on a light green ground
	Shared       // held by both texts of a link: on a light yellow ground
)

// Piece is a run of text with one mark.
type Piece struct {
	Text string
	Mark Mark
}

// MarkedText lays out a text word by word, wrapping, with removed words
// struck through on a light red ground, added words on a light green one
// and shared words on a light yellow one. The grounds are translucent
// theme colours, read again on every refresh, so the text follows dark
// mode and Grotere tekst; the strike-through means removal never depends
// on colour alone.
type MarkedText struct {
	widget.BaseWidget
	pieces []Piece
	bold   bool
}

// NewMarkedText makes a marked text; bold makes the whole text bold (for
// titles).
func NewMarkedText(pieces []Piece, bold bool) *MarkedText {
	t := &MarkedText{pieces: pieces, bold: bold}
	t.ExtendBaseWidget(t)
	return t
}

// Text is the text shown, without its marks.
func (t *MarkedText) Text() string {
	var words []string
	for _, p := range t.pieces {
		words = append(words, strings.Fields(p.Text)...)
	}
	return strings.Join(words, " ")
}

// SetPieces shows another text.
func (t *MarkedText) SetPieces(pieces []Piece) {
	t.pieces = pieces
	t.Refresh()
}

// CreateRenderer lays the words out.
func (t *MarkedText) CreateRenderer() fyne.WidgetRenderer {
	r := &markedTextRenderer{t: t}
	r.Refresh()
	return r
}

type markedWord struct {
	text *canvas.Text
	bg   *canvas.Rectangle // nil for a plain word
	line *canvas.Line      // nil unless removed
}

type markedTextRenderer struct {
	t       *MarkedText
	words   []markedWord
	objects []fyne.CanvasObject
	width   float32 // the width the last layout wrapped at
}

func (r *markedTextRenderer) Destroy() {}

func (r *markedTextRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh builds the words again with the theme's colours and sizes.
func (r *markedTextRenderer) Refresh() {
	r.words, r.objects = nil, nil
	fg := theme.Color(theme.ColorNameForeground)
	for _, p := range r.t.pieces {
		for _, w := range strings.Fields(p.Text) {
			mw := markedWord{text: canvas.NewText(w, fg)}
			mw.text.TextStyle.Bold = r.t.bold
			mw.text.TextSize = theme.TextSize()
			if p.Mark != Plain {
				mw.bg = canvas.NewRectangle(ground(p.Mark))
				mw.bg.CornerRadius = 3
				r.objects = append(r.objects, mw.bg)
			}
			r.objects = append(r.objects, mw.text)
			if p.Mark == Removed {
				mw.line = canvas.NewLine(fg)
				mw.line.StrokeWidth = 1.5
				r.objects = append(r.objects, mw.line)
			}
			r.words = append(r.words, mw)
		}
	}
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

// ground is the translucent background of a mark.
func ground(m Mark) color.Color {
	name := theme.ColorNameSuccess
	switch m {
	case Removed:
		name = theme.ColorNameError
	case Shared:
		name = theme.ColorNameWarning
	}
	rr, g, b, _ := theme.Color(name).RGBA()
	return color.NRGBA{R: uint8(rr >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x55}
}

// place runs the wrapping over the words for a width, calling put for each
// word's position and size, and returns the height used.
func (r *markedTextRenderer) place(width float32, put func(w markedWord, pos fyne.Position, size fyne.Size)) float32 {
	space := theme.Padding()
	lineH := float32(0)
	x, y := float32(0), float32(0)
	for _, w := range r.words {
		s := w.text.MinSize()
		s.Width += 4
		if x > 0 && x+s.Width > width {
			x, y = 0, y+lineH+2
			lineH = 0
		}
		if put != nil {
			put(w, fyne.NewPos(x, y), s)
		}
		x += s.Width + space
		lineH = fyne.Max(lineH, s.Height)
	}
	return y + lineH
}

func (r *markedTextRenderer) Layout(size fyne.Size) {
	r.width = size.Width
	r.place(size.Width, func(w markedWord, pos fyne.Position, s fyne.Size) {
		ts := w.text.MinSize()
		w.text.Resize(ts)
		w.text.Move(fyne.NewPos(pos.X+2, pos.Y+(s.Height-ts.Height)/2))
		if w.bg != nil {
			w.bg.Resize(s)
			w.bg.Move(pos)
		}
		if w.line != nil {
			mid := pos.Y + s.Height/2
			w.line.Position1 = fyne.NewPos(pos.X+1, mid)
			w.line.Position2 = fyne.NewPos(pos.X+s.Width-1, mid)
		}
	})
}

// MinSize is the widest word across and, once laid out, the height the
// text wraps to at its width.
func (r *markedTextRenderer) MinSize() fyne.Size {
	widest := float32(0)
	for _, w := range r.words {
		widest = fyne.Max(widest, w.text.MinSize().Width+4)
	}
	width := fyne.Max(r.width, widest)
	return fyne.NewSize(widest, r.place(width, nil))
}
