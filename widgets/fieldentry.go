package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// FieldEntry is an entry for one field of a profile element. Unlike a plain
// entry it hands the shortcuts the program defines (undo, redo, new
// element, move …) to the window, so they work while the designer types,
// and it reports Backspace in an empty field and Alt+↑/↓, which editable
// lists use to remove and move rows.
type FieldEntry struct {
	widget.Entry

	// Key identifies the field ("element-id/field"), so that a rebuilt form
	// can give focus back to the same field.
	Key string
	// Global is asked first for every shortcut; it returns true when the
	// window handled it.
	Global func(fyne.Shortcut) bool
	// OnBackspaceEmpty is called when Backspace is pressed in an empty field.
	OnBackspaceEmpty func()
	// OnMove is called with -1 for Alt+↑ and +1 for Alt+↓.
	OnMove func(delta int)
	// OnRune sees every typed character first; when it returns true the
	// character is handled (workshop mode rates with 1, 2, 3 and 0).
	OnRune func(r rune) bool
	// OnKey sees every key first; when it returns true the key is handled
	// (a search field uses it for ↑, ↓ and Esc).
	OnKey func(*fyne.KeyEvent) bool
	// SubmitOnEnter makes Enter call OnSubmitted in a multi-line entry
	// instead of starting a new line: for one-paragraph texts that should
	// wrap, such as the lines of a resultaat.
	SubmitOnEnter bool
	// Guard, when set, is asked before every change of the text; when it
	// returns false the change is dropped (a vastgesteld profile that asks
	// first, a read-only library). The text stays readable and can be
	// selected and copied, unlike a disabled entry's.
	Guard func() bool
	// Grow makes a multi-line field as tall as its text (at least MinRows
	// rows); OnGrow is told when its height changed, for the form to lay
	// out again.
	Grow    bool
	MinRows int
	OnGrow  func()

	gap  *wrapGap
	rows int
}

// NewFieldEntry makes a single-line field entry.
func NewFieldEntry(key string) *FieldEntry {
	e := &FieldEntry{Key: key}
	e.ExtendBaseWidget(e)
	return e
}

// NewFieldMultiLineEntry makes a multi-line field entry that wraps words.
func NewFieldMultiLineEntry(key string) *FieldEntry {
	e := &FieldEntry{Key: key}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// SetTextQuietly sets the text without calling OnChanged.
func (e *FieldEntry) SetTextQuietly(text string) {
	cb := e.OnChanged
	e.OnChanged = nil
	e.SetText(text)
	e.OnChanged = cb
	e.fit()
}

// TypedShortcut gives the window's shortcuts precedence over the entry's
// own, so that undo works on the whole profile, not just this field.
func (e *FieldEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt && e.OnMove != nil {
		switch cs.KeyName {
		case fyne.KeyUp:
			e.OnMove(-1)
			return
		case fyne.KeyDown:
			e.OnMove(1)
			return
		}
	}
	if e.Global != nil && e.Global(s) {
		return
	}
	switch s.(type) {
	case *fyne.ShortcutPaste, *fyne.ShortcutCut:
		if !e.allowed() {
			return
		}
	}
	if _, ok := s.(*fyne.ShortcutPaste); ok {
		e.putCursorBack()
	}
	e.gap = nil
	e.Entry.TypedShortcut(s)
	e.fit()
}

// TypedRune lets OnRune take a character before it is typed, and types
// it where the cursor truly is (see wrapGap).
func (e *FieldEntry) TypedRune(r rune) {
	if e.OnRune != nil && e.OnRune(r) {
		return
	}
	if !e.allowed() {
		return
	}
	e.edit(1, func() { e.Entry.TypedRune(r) })
	e.fit()
}

// TypedKey reports Backspace in an empty field and, with SubmitOnEnter,
// submits on Enter.
func (e *FieldEntry) TypedKey(k *fyne.KeyEvent) {
	if e.OnKey != nil && e.OnKey(k) {
		return
	}
	// Function keys carry no modifier, so Fyne does not make shortcuts of
	// them; hand them to the window as one.
	if isFunctionKey(k.Name) && e.Global != nil && e.Global(&desktop.CustomShortcut{KeyName: k.Name}) {
		return
	}
	if changesText(k.Name) && !e.allowed() {
		return
	}
	if k.Name == fyne.KeyBackspace && e.Text == "" && e.OnBackspaceEmpty != nil {
		e.OnBackspaceEmpty()
		return
	}
	if e.SubmitOnEnter && (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) {
		if e.OnSubmitted != nil {
			e.OnSubmitted(e.Text)
		}
		return
	}
	e.typeKey(k)
	e.fit()
}

// typeKey hands a key to the entry; keys that edit at the cursor do so
// where it truly is (see wrapGap).
func (e *FieldEntry) typeKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.edit(1, func() { e.Entry.TypedKey(k) })
	case fyne.KeyBackspace:
		e.edit(-1, func() { e.Entry.TypedKey(k) })
	default:
		e.gap = nil // the cursor moves: where it was no longer matters
		e.Entry.TypedKey(k)
	}
}

// allowed asks the guard, if any, whether the text may change.
func (e *FieldEntry) allowed() bool { return e.Guard == nil || e.Guard() }

// changesText reports whether a key edits the text (rather than moving the
// cursor).
func changesText(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyReturn, fyne.KeyEnter:
		return true
	}
	return false
}

func isFunctionKey(k fyne.KeyName) bool {
	return len(k) >= 2 && k[0] == 'F' && k[1] >= '1' && k[1] <= '9'
}
