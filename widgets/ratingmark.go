package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

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

// RatingMark is a small coloured tag with the rating's word.
type RatingMark struct {
	*fyne.Container
	bg     *canvas.Rectangle
	text   *canvas.Text
	rating app.Aansluiting
}

// NewRatingMark makes a mark; SetRating fills it ("" hides it).
func NewRatingMark() *RatingMark {
	m := &RatingMark{bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.White)}
	m.bg.CornerRadius = 4
	m.text.TextSize = theme.CaptionTextSize()
	m.text.TextStyle.Bold = true
	m.Container = container(&markLayout{m}, m.bg, m.text)
	m.Hide()
	return m
}

// SetRating shows the rating, or hides the mark for "". It reports
// whether anything changed, so that callers relayout only then.
func (m *RatingMark) SetRating(a app.Aansluiting) bool {
	if a == m.rating {
		return false
	}
	m.rating = a
	if a == "" {
		m.Hide()
		return true
	}
	m.bg.FillColor = RatingColour(a)
	m.text.Text = RatingWord(a)
	m.Show()
	m.Refresh()
	return true
}

type markLayout struct{ m *RatingMark }

func (l *markLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	s := fyne.MeasureText("onvold.", l.m.text.TextSize, l.m.text.TextStyle)
	return fyne.NewSize(s.Width+8, s.Height+2)
}

func (l *markLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.m.bg.Resize(size)
	s := l.m.text.MinSize()
	l.m.text.Resize(s)
	l.m.text.Move(fyne.NewPos((size.Width-s.Width)/2, (size.Height-s.Height)/2))
}

// Rating is the rating shown ("" when hidden).
func (m *RatingMark) Rating() app.Aansluiting { return m.rating }
