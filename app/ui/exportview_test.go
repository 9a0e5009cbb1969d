package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app/export"
	"bcpeditor/widgets"
)

// overlayText collects the texts of the dialogs on top of the window.
func overlayText(w fyne.Window) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		case *widgets.MarkedText:
			b.WriteString(x.Text() + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(x)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	for _, o := range w.Canvas().Overlays().List() {
		walk(o)
	}
	return b.String()
}

// A background export that succeeds says so (it used to say it was
// cancelled, whatever happened).
func TestBackgroundExportReportsSuccess(t *testing.T) {
	mw, _, _ := open2010(t)
	docx, _ := export.FormatByName("docx")
	path := filepath.Join(t.TempDir(), "bcp.docx")
	mw.ExportInBackground(docx, path)
	mw.bg.wait()
	if !strings.Contains(mw.Status.Text, "Geëxporteerd naar") || strings.Contains(mw.Status.Text, "afgebroken") {
		t.Fatalf("status after a good export: %q", mw.Status.Text)
	}
	if st, err := os.Stat(path); err != nil || st.Size() < 1000 {
		t.Fatalf("the Word file was not written: %v", err)
	}
	if mw.exporting != nil || len(mw.Window.Canvas().Overlays().List()) != 0 {
		t.Error("the progress dialog stayed open")
	}
}

// A background export that fails shows the real error, not "afgebroken".
func TestBackgroundExportShowsTheRealError(t *testing.T) {
	mw, _, _ := open2010(t)
	docx, _ := export.FormatByName("docx")
	mw.ExportInBackground(docx, filepath.Join(t.TempDir(), "bestaat-niet", "bcp.docx"))
	mw.bg.wait()
	if strings.Contains(mw.Status.Text, "afgebroken") {
		t.Fatalf("a failed export was reported as cancelled: %q", mw.Status.Text)
	}
	if text := overlayText(mw.Window); !strings.Contains(text, "Exporteren naar") || strings.Contains(text, "no such file") {
		t.Fatalf("no error shown; dialogs say %q", text)
	}
}

// The save dialog never opens the target: choosing an existing file asks
// first and leaves it as it is until the export itself replaces it.
// Typing a full path to another folder works too.
func TestSaveDialogLeavesTheFileAlone(t *testing.T) {
	mw, _, _ := open2010(t)
	dir, other := t.TempDir(), t.TempDir()
	existing := filepath.Join(dir, "bcp.docx")
	os.WriteFile(existing, []byte("de vorige versie"), 0o644)
	var chosen string
	fc := showSaveDialog(mw.Window, mw.App.Preferences(), "Exporteren", "bcp.docx", []string{".docx"}, func(p string) { chosen = p })
	fc.Name.SetText(existing)
	fc.Confirm()
	if data, _ := os.ReadFile(existing); string(data) != "de vorige versie" || chosen != "" {
		t.Fatalf("confirming an existing file changed it or chose it without asking (%q)", chosen)
	}
	if !strings.Contains(overlayText(mw.Window), "bestaat al") {
		t.Fatal("no question before replacing a file")
	}
	fc.Cancel()
	fc = showSaveDialog(mw.Window, mw.App.Preferences(), "Exporteren", "bcp.docx", []string{".docx"}, func(p string) { chosen = p })
	fc.Name.SetText(filepath.Join(other, "nieuw"))
	press(fc.Name, fyne.KeyReturn)
	if chosen != filepath.Join(other, "nieuw.docx") {
		t.Fatalf("typed full path gave %q", chosen)
	}
	if _, err := os.Stat(chosen); err == nil {
		t.Fatal("the dialog created the file itself")
	}
	fc = showSaveDialog(mw.Window, mw.App.Preferences(), "Exporteren", "", []string{".docx"}, func(p string) { chosen = "fout" })
	fc.Name.SetText(filepath.Join(other, "geen-map", "x.docx"))
	fc.Confirm()
	if chosen == "fout" || !strings.Contains(fc.problem.Text, "bestaat niet") {
		t.Fatalf("a missing folder: chosen %q, message %q", chosen, fc.problem.Text)
	}
	press(fc.Name, fyne.KeyEscape)
}
