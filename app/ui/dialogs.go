package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/widgets"
)

// Dialogs that react to the keyboard: Enter confirms the dialog on top, Esc
// closes it (Fyne's dialogs do neither). Each window keeps its open dialogs
// in a stack; the keys reach them from the window (nothing focused) and
// from the dialog's own fields (which would otherwise swallow them).

// keyedDialog is one open dialog with what Enter and Esc do.
type keyedDialog struct {
	confirm, cancel func()
}

// dialogStacks holds, per window, the keyed dialogs that are open.
var dialogStacks = map[fyne.Window][]*keyedDialog{}

// keyed registers a shown dialog d of win: confirm runs on Enter, cancel
// on Esc; fields of the dialog that are FieldEntries pass the keys on.
func keyed(win fyne.Window, d dialog.Dialog, confirm, cancel func(), fields ...fyne.CanvasObject) {
	kd := &keyedDialog{confirm: confirm, cancel: cancel}
	dialogStacks[win] = append(dialogStacks[win], kd)
	d.SetOnClosed(func() { popDialog(win, kd) })
	for _, e := range fieldEntries(fields...) {
		e.OnSubmitted = func(string) { confirm() }
		e.OnKey = func(k *fyne.KeyEvent) bool {
			if k.Name == fyne.KeyEscape {
				cancel()
				return true
			}
			return false
		}
	}
	if win.Canvas().OnTypedKey() == nil {
		win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { dialogKey(win, k) })
	}
}

// fieldEntries finds the field entries among objs and in their containers.
func fieldEntries(objs ...fyne.CanvasObject) []*widgets.FieldEntry {
	var out []*widgets.FieldEntry
	for _, o := range objs {
		switch x := o.(type) {
		case *widgets.FieldEntry:
			out = append(out, x)
		case *fyne.Container:
			out = append(out, fieldEntries(x.Objects...)...)
		}
	}
	return out
}

func popDialog(win fyne.Window, kd *keyedDialog) {
	s := dialogStacks[win]
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == kd {
			dialogStacks[win] = append(s[:i], s[i+1:]...)
			break
		}
	}
	if len(dialogStacks[win]) == 0 {
		delete(dialogStacks, win)
	}
}

// dialogKey handles Enter and Esc for the dialog on top of win; it
// reports whether there was one.
func dialogKey(win fyne.Window, k *fyne.KeyEvent) bool {
	s := dialogStacks[win]
	if len(s) == 0 {
		return false
	}
	top := s[len(s)-1]
	switch k.Name {
	case fyne.KeyEscape:
		top.cancel()
	case fyne.KeyReturn, fyne.KeyEnter:
		top.confirm()
	default:
		return false
	}
	return true
}

// dialogEntry is a one-line field for a dialog, passing Enter and Esc to
// the dialog.
func dialogEntry(text string) *widgets.FieldEntry {
	e := widgets.NewFieldEntry("dialoog")
	e.SetText(text)
	return e
}

// showForm shows a form dialog that Enter submits and Esc closes.
func showForm(win fyne.Window, title, confirm string, items []*widget.FormItem, done func(bool)) *dialog.FormDialog {
	d := dialog.NewForm(title, confirm, lang.L("Annuleren"), items, done, win)
	var fields []fyne.CanvasObject
	for _, it := range items {
		fields = append(fields, it.Widget)
	}
	d.Show()
	keyed(win, d, d.Submit, d.Hide, fields...)
	return d
}

// showConfirm shows a question that Enter answers yes and Esc no.
func showConfirm(win fyne.Window, title, message string, done func(bool)) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, message, done, win)
	d.Show()
	keyed(win, d, d.Confirm, d.Hide)
	return d
}

// showCustomConfirm shows content with two buttons; Enter confirms, Esc
// closes.
func showCustomConfirm(win fyne.Window, title, confirm string, content fyne.CanvasObject, done func(bool)) *dialog.ConfirmDialog {
	d := dialog.NewCustomConfirm(title, confirm, lang.L("Annuleren"), content, done, win)
	d.Show()
	keyed(win, d, d.Confirm, d.Hide, content)
	return d
}

// showInfo shows a message that Enter and Esc close.
func showInfo(win fyne.Window, title, message string) dialog.Dialog {
	d := dialog.NewInformation(title, message, win)
	d.Show()
	keyed(win, d, d.Hide, d.Hide)
	return d
}

// showError shows an error that Enter and Esc close.
func showError(win fyne.Window, err error) dialog.Dialog {
	d := dialog.NewError(err, win)
	d.Show()
	keyed(win, d, d.Hide, d.Hide)
	return d
}
