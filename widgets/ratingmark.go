package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
)

// The Okabe–Ito colours the program marks with: they stay apart for
// colour-blind readers, and every mark also carries a word.
var (
	Blue   = color.NRGBA{0x00, 0x72, 0xb2, 0xff}
	Orange = color.NRGBA{0xe6, 0x9f, 0x00, 0xff}
	Red    = color.NRGBA{0xa0, 0x20, 0x2a, 0xff}
	Purple = color.NRGBA{0x7b, 0x4f, 0xa0, 0xff}
	Grey   = color.NRGBA{0x88, 0x88, 0x88, 0xff}
)

// RatingColour is the colour of a rating: blue for goed, orange for
// gedeeltelijk, dark red for onvoldoende, grey for not rated (Okabe–Ito,
// apart for colour-blind readers). It always comes with RatingWord.
func RatingColour(a app.Aansluiting) color.Color {
	switch a {
	case app.AansluitingGoed:
		return Blue
	case app.AansluitingGedeeltelijk:
		return Orange
	case app.AansluitingOnvoldoende:
		return Red
	}
	return Grey
}

// RatingWord is the short word on a mark, so that a rating never depends
// on colour alone.
func RatingWord(a app.Aansluiting) string {
	switch a {
	case app.AansluitingGoed:
		return "goed"
	case app.AansluitingGedeeltelijk:
		return "deels"
	case app.AansluitingOnvoldoende:
		return "onvold."
	case app.AansluitingNietBeoordeeld:
		return "—"
	}
	return ""
}

// RatingMark is a small coloured tag with the rating's word. It is a real
// widget: it reads the theme (text size, dark mode) whenever it refreshes,
// and takes no room when there is no rating.
type RatingMark struct {
	widget.BaseWidget
	rating app.Aansluiting
}

// NewRatingMark makes a mark; SetRating fills it ("" shows nothing).
func NewRatingMark() *RatingMark {
	m := &RatingMark{}
	m.ExtendBaseWidget(m)
	return m
}

// SetRating shows the rating ("" for none). It reports whether anything
// changed, so that callers relayout only then.
func (m *RatingMark) SetRating(a app.Aansluiting) bool {
	if a == m.rating {
		return false
	}
	m.rating = a
	m.Refresh()
	return true
}

// Rating is the rating shown ("" for none).
func (m *RatingMark) Rating() app.Aansluiting { return m.rating }

// CreateRenderer draws the mark.
func (m *RatingMark) CreateRenderer() fyne.WidgetRenderer {
	r := &ratingMarkRenderer{m: m, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.White)}
	r.text.TextStyle.Bold = true
	r.Refresh()
	return r
}

type ratingMarkRenderer struct {
	m    *RatingMark
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *ratingMarkRenderer) Destroy() {}

func (r *ratingMarkRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.text}
}

// MinSize is room for the longest word, so that marks line up; nothing
// when there is no rating.
func (r *ratingMarkRenderer) MinSize() fyne.Size {
	if r.m.rating == "" {
		return fyne.NewSize(0, 0)
	}
	s := fyne.MeasureText("onvold.", r.text.TextSize, r.text.TextStyle)
	pad := theme.InnerPadding() / 2
	return fyne.NewSize(s.Width+2*pad, s.Height+pad/2)
}

func (r *ratingMarkRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	s := r.text.MinSize()
	r.text.Resize(s)
	r.text.Move(fyne.NewPos((size.Width-s.Width)/2, (size.Height-s.Height)/2))
}

// Refresh reads the theme again: text size (Grotere tekst) and radius.
func (r *ratingMarkRenderer) Refresh() {
	a := r.m.rating
	r.text.TextSize = theme.CaptionTextSize()
	r.text.Text = RatingWord(a)
	r.bg.CornerRadius = theme.InputRadiusSize()
	if a == "" {
		r.bg.FillColor = color.Transparent
	} else {
		r.bg.FillColor = RatingColour(a)
	}
	r.bg.Refresh()
	r.text.Refresh()
	r.Layout(r.m.Size())
}
