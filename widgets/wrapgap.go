package widgets

import "math"

// wrapGap works around the word wrap of Fyne's entry (v2.7.1): a space
// that falls where a line wraps, with nothing after it on that line yet, is
// dropped from both rows, so no row holds the position after it. The entry
// keeps its cursor as a row and column, finds no such row, and moves the
// cursor back in front of the space; the next character is typed before the
// space ("k34 k35" stored as "k34k35 … k50 "), and so is every one after.
//
// FieldEntry therefore checks after each edit that the cursor is where the
// edit left it. When it is not, it remembers the true position, and puts
// the cursor there just before the next edit that types or removes at the
// cursor, as long as nothing else changed the text or moved the cursor.
type wrapGap struct {
	text     string // the text when the cursor was moved back
	at       int    // the offset in the text where the cursor belongs
	row, col int    // where the entry put the cursor instead
}

// edit runs an edit that moves the cursor by delta characters (+1 for a
// typed character, -1 for Backspace) from where it truly is.
func (e *FieldEntry) edit(delta int, do func()) {
	e.putCursorBack()
	e.gap = nil
	selecting := e.SelectedText() != ""
	want := e.CursorTextOffset() + delta
	do()
	if selecting || e.CursorTextOffset() == want {
		return
	}
	e.gap = &wrapGap{text: e.Text, at: want, row: e.CursorRow, col: e.CursorColumn}
}

// putCursorBack gives the cursor the position the wrap took from it. No
// row holds that position, so the cursor is given a row past the last
// one: the entry then reads the column as the offset in the text.
func (e *FieldEntry) putCursorBack() {
	g := e.gap
	if g == nil || g.text != e.Text || g.row != e.CursorRow || g.col != e.CursorColumn {
		return
	}
	e.CursorRow, e.CursorColumn = math.MaxInt32, g.at
	if e.CursorTextOffset() != g.at { // a later Fyne reads it otherwise
		e.CursorRow, e.CursorColumn = g.row, g.col
	}
}
