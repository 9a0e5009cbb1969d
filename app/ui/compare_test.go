package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bcpeditor/app"
	"bcpeditor/app/compare"
)

// The compare flow: a new version in which one beschrijving was edited,
// compared with its original: one row changed, the rest unchanged; only
// changes; the pair unlinked by the designer, remembered in a new window;
// report and concordantietabel saved.
func TestCompareWindowFlow(t *testing.T) {
	mw, _, p := open2010(t)
	mw.NewVersionFrom(p, "2026 workshop")
	nv := mw.Profile()
	if nv.Origin != p.ID {
		t.Fatal("new version not opened")
	}
	w := nv.Kerntaken[1].Werkprocessen[2]
	mustEdit(t, mw, func(ed *app.Editor) error {
		return ed.SetField(w.ID, app.FieldBody, strings.Replace(w.Beschrijving, "klacht", "klacht of melding", 1))
	})
	cv := openCompare(t, mw, p.ID, nv.ID)
	if cv.Result.Summary[compare.Modified] != 1 || cv.Result.Summary[compare.Unchanged] != len(cv.Result.Rows)-1 {
		t.Fatalf("summary %v", cv.Result.Summary)
	}
	if !strings.HasPrefix(cv.Summary.Text, "1 gewijzigd") {
		t.Errorf("summary line %q", cv.Summary.Text)
	}
	all := cv.List.Length()
	cv.onlyChanges.SetChecked(true)
	if cv.List.Length() != 1 {
		t.Fatalf("only changes shows %d rows (of %d)", cv.List.Length(), all)
	}
	cv.List.Select(0)
	if text := formText(cv.detail); !strings.Contains(text, "melding") {
		t.Fatalf("the detail pane does not show the changed text:\n%s", text)
	}
	if os.Getenv("BCP_DOCS") != "" {
		cv.Window.Resize(fyne.NewSize(1200, 700))
		f, _ := os.Create(filepath.Join("..", "..", "docs", "vergelijken.png"))
		png.Encode(f, cv.Window.Canvas().Capture())
		f.Close()
	}
	// Unlink 2.3 by hand: it becomes vervallen + nieuw, and stays so.
	test.Tap(buttons(cv.detail, "Ontkoppelen")[0])
	mw.bg.wait()
	if cv.Result.Summary[compare.Added] != 1 || cv.Result.Summary[compare.Removed] != 1 {
		t.Fatalf("after unlinking: %v", cv.Result.Summary)
	}
	cv2 := openCompare(t, mw, p.ID, nv.ID)
	if cv2.Result.Summary[compare.Added] != 1 {
		t.Fatal("the unlinking was not remembered")
	}
	dir := t.TempDir()
	for name, save := range map[string]func(string) error{"rapport.html": cv.SaveReport, "rapport.docx": cv.SaveReport,
		"concordantie.xlsx": cv.SaveConcordantie, "concordantie.docx": cv.SaveConcordantie} {
		path := filepath.Join(dir, name)
		if err := save(path); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err != nil || st.Size() < 500 {
			t.Errorf("%s not written", name)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "rapport.html"))
	if !strings.Contains(string(data), "vervallen") {
		t.Error("the report does not show the unlinked row")
	}
}

// The 2010 BCP against the 2020 (Junior) accountmanager: 2.3 Behandelt
// klachten shows both rollen's complaint werkzaamheden in its row, and a
// suggestion can be confirmed.
func TestCompareAcrossStructuresShowsEveryCounterpart(t *testing.T) {
	mw, _ := newTestWindow(t)
	old := profileByTitle(t, "BCP Junior accountmanager")
	nw := profileByTitle(t, "bcp (Junior) accountmanager")
	cv := openCompare(t, mw, old.ID, nw.ID)
	row := -1
	for i, ri := range cv.shown {
		if r := cv.Result.Rows[ri]; r.Old != nil && r.Old.Code == "2.3" && r.Old.Kind == app.KindWerkproces {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("no row for werkproces 2.3")
	}
	cv.List.Select(row)
	text := formText(cv.detail)
	if strings.Count(text, "klachten") < 3 {
		t.Errorf("2.3's detail does not show the complaint werkzaamheden of both rollen:\n%s", text)
	}
	// Confirm the first suggestion anywhere.
	for i, ri := range cv.shown {
		if hasSuggestion(cv.Result.Rows[ri]) {
			cv.List.Select(i)
			before := cv.Result.Summary
			test.Tap(buttons(cv.detail, "Bevestigen")[0])
			mw.bg.wait()
			if cv.selected != i && cv.selectedKey() == "" {
				t.Error("the row lost its selection after confirming")
			}
			if len(cv.Result.Links) == 0 || fmtSummary(before) == "" {
				t.Fatal("no result after confirming")
			}
			return
		}
	}
	t.Fatal("no suggestion to confirm between the 2010 and 2020 profiles")
}

func fmtSummary(s compare.Summary) string { return compare.SummaryText(s) }

// openCompare opens the compare window and waits for the comparison.
func openCompare(t *testing.T, mw *MainWindow, oldID, newID string) *CompareView {
	t.Helper()
	cv := mw.OpenCompare(oldID, newID)
	if cv == nil {
		t.Fatal("the compare window did not open")
	}
	t.Cleanup(cv.Window.Close)
	mw.bg.wait()
	if cv.Result == nil {
		t.Fatal("no comparison")
	}
	return cv
}

// Vergelijken… proposes the other version of the same beroep as the old
// profile: for the 2020 (Junior) accountmanager that is the 2010 BCP, not
// whatever comes next in the list.
func TestCompareProposesTheOtherVersionOfTheBeroep(t *testing.T) {
	mw, _ := newTestWindow(t)
	am := profileByTitle(t, "bcp (Junior) accountmanager")
	mw.OpenProfile(am.ID)
	mw.AskCompare()
	text := overlayText(mw.Window)
	if !strings.Contains(text, "BCP Junior accountmanager (2010") {
		t.Fatalf("the proposed old profile: %q", text)
	}
	if strings.Contains(text, "bcp Commercieel medewerker") {
		t.Errorf("another beroep is proposed: %q", text)
	}
}
