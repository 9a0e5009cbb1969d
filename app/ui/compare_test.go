package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"bcpeditor/app"
	"bcpeditor/app/compare"
)

// The compare flow: a new version in which one beschrijving was edited,
// compared with its original: one pair changed, the rest unchanged; only
// changes; unpair and pair by hand, remembered; the report saved.
func TestCompareWindowFlow(t *testing.T) {
	mw, lib, p := open2010(t)
	mw.NewVersionFrom(p, "2026 workshop")
	nv := mw.Profile()
	if nv.Origin != p.ID {
		t.Fatal("new version not opened")
	}
	w := nv.Kerntaken[1].Werkprocessen[2]
	mustEdit(t, mw, func(ed *app.Editor) error {
		return ed.SetField(w.ID, app.FieldBody, strings.Replace(w.Beschrijving, "klacht", "klacht of melding", 1))
	})
	cv := mw.OpenCompare(p.ID, nv.ID)
	defer cv.Window.Close()
	if cv.Result.Summary[compare.Modified] != 1 || cv.Result.Summary[compare.Unchanged] != len(cv.Result.Pairs)-1 {
		t.Fatalf("summary %v", cv.Result.Summary)
	}
	if !strings.HasPrefix(cv.Summary.Text, "1 gewijzigd") {
		t.Errorf("summary line %q", cv.Summary.Text)
	}
	all := len(cv.rows.Objects)
	cv.onlyChanges.SetChecked(true)
	if len(cv.rows.Objects) != 2 { // one row and its separator
		t.Fatalf("only changes shows %d objects (of %d)", len(cv.rows.Objects), all)
	}
	if os.Getenv("BCP_DOCS") != "" {
		cv.Window.Resize(fyne.NewSize(1200, 560))
		f, _ := os.Create(filepath.Join("..", "..", "docs", "vergelijken.png"))
		png.Encode(f, cv.Window.Canvas().Capture())
		f.Close()
	}
	// Unpair 2.3 by hand: it becomes removed + added, and stays so.
	var pair *compare.Pair
	for _, q := range cv.Result.Pairs {
		if q.New != nil && q.New.ID == w.ID {
			pair = q
		}
	}
	if err := mw.ws.SetManualPair(p.ID, nv.ID, pair.Old.ID, "", false); err != nil {
		t.Fatal(err)
	}
	cv.Refresh()
	if cv.Result.Summary[compare.Added] != 1 || cv.Result.Summary[compare.Removed] != 1 {
		t.Fatalf("after unpairing: %v", cv.Result.Summary)
	}
	cv2 := mw.OpenCompare(p.ID, nv.ID)
	defer cv2.Window.Close()
	if cv2.Result.Summary[compare.Added] != 1 {
		t.Fatal("the unpairing was not remembered")
	}
	out := filepath.Join(t.TempDir(), "rapport.html")
	if err := cv.SaveReport(out); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), "<html") || !strings.Contains(string(data), "vervallen") {
		t.Error("report not written")
	}
	_ = lib
}
