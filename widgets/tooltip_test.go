package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// A tooltip is as wide as its text (up to 480), so that it reads as a line
// and not as a column of single letters.
func TestTipIsAsWideAsItsText(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 600))
	long := "5 Bewaakt de geldigheidstermijn van het aanbod en neemt tijdig contact op met de klant"
	for _, text := range []string{"Kort", long} {
		l := NewTipLabel("x")
		w.SetContent(l)
		l.tip.at = fyne.NewPos(900, 100) // near the right edge
		l.tip.Show(text)
		size := l.tip.pop.Content.Size()
		one := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width
		if size.Width < fyne.Min(one, 400) {
			t.Errorf("%q: tip %v wide, text %v", text, size.Width, one)
		}
		if pos := l.tip.pop.Content.Position(); pos.X+size.Width > 1000+1 {
			t.Errorf("%q: tip runs off the window at %v", text, pos.X+size.Width)
		}
		l.tip.out()
	}
}
