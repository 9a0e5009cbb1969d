package widgets_test

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"bcpeditor/widgets"
)

// narrowField shows a multi-line field entry, as the form does, in a
// window width pixels wide.
func narrowField(t *testing.T, width float32) *widgets.FieldEntry {
	t.Helper()
	e := widgets.NewFieldMultiLineEntry("x/tekst")
	e.SetMinRowsVisible(3)
	w := test.NewTempWindow(t, container.NewVScroll(container.NewVBox(e)))
	w.Resize(fyne.NewSize(width, 300))
	w.Canvas().Focus(e)
	return e
}

func words(n int) string {
	var ws []string
	for i := 1; i <= n; i++ {
		ws = append(ws, fmt.Sprintf("k%d", i))
	}
	return strings.Join(ws, " ")
}

// A space typed where the field wraps stays where it was typed: typing
// "k1 k2 … k50" into a narrow field, at widths where spaces fall on wrap
// points, stores exactly that (Fyne 2.7.1 alone stored "k1 k2 k3k4 … ").
func TestSpaceAtAWrapPointStaysInPlace(t *testing.T) {
	test.NewTempApp(t)
	want := words(50)
	for _, width := range []float32{80, 98, 104, 125, 170, 221, 275, 320, 410} {
		e := narrowField(t, width)
		var changed string
		e.OnChanged = func(s string) { changed = s }
		for i, r := range want {
			e.TypedRune(r)
			if e.Text != want[:i+1] {
				t.Fatalf("width %v: after typing %q the text ends %q", width, want[:i+1], e.Text[max(0, len(e.Text)-24):])
			}
		}
		if changed != want {
			t.Errorf("width %v: OnChanged last saw %q", width, changed)
		}
	}
}

// Backspace and Enter right after a space at a wrap point act on that
// space, not on the character before it.
func TestBackspaceAndEnterAtAWrapPoint(t *testing.T) {
	test.NewTempApp(t)
	e := narrowField(t, 80)
	test.Type(e, "k1 k2 k3 ")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if e.Text != "k1 k2 k3" {
		t.Errorf("Backspace: %q", e.Text)
	}
	e.TypedRune(' ')
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.TypedRune('x')
	if e.Text != "k1 k2 k3 \nx" {
		t.Errorf("Enter: %q", e.Text)
	}
}
