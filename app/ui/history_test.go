package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bcpeditor/app"
	"bcpeditor/app/compare"
	"bcpeditor/app/workspace"
)

func TestHistorySnapshotsCompareAndRestore(t *testing.T) {
	mw, _, p := open2010(t)
	if _, err := mw.ws.SaveSnapshot("voor de workshop"); err != nil {
		t.Fatal(err)
	}
	k := p.Kerntaken[0]
	mustEdit(t, mw, func(ed *app.Editor) error { return ed.SetField(k.ID, app.FieldTitle, k.Title+" (herzien)") })
	mw.NewVersionFrom(p, "2026")
	nv := mw.Profile()
	mw.ShowHistory()
	h := mw.history
	var labels []string
	for _, e := range h.entries {
		labels = append(labels, historyLabel(e))
	}
	joined := strings.Join(labels, "\n")
	if len(h.entries) != 3 || !strings.Contains(joined, "voor de workshop") || !strings.Contains(joined, "2026") {
		t.Fatalf("history:\n%s", joined)
	}
	// Compare the snapshot with the open profile (the new version).
	snap := -1
	for i, e := range h.entries {
		if e.Snapshot != nil {
			snap = i
		}
	}
	h.list.Select(snap)
	test.Tap(h.compare)
	// The snapshot and the new version differ in the kerntaak title only.
	cv := mw.OpenCompareProfiles(mustLoad(t, mw, h.entries[snap]), nv)
	defer cv.Window.Close()
	mw.bg.wait()
	if cv.Result.Summary[compare.Modified] != 1 {
		t.Fatalf("snapshot against new version: %v", cv.Result.Summary)
	}
	// Restore the snapshot as a new version.
	mw.ShowHistory()
	mw.history.list.Select(snap)
	test.Tap(mw.history.restore)
	restored := mw.Profile()
	if restored.ID == p.ID || restored.ID == nv.ID || !strings.Contains(restored.VersionLabel, "hersteld") {
		t.Fatalf("restore opened %s %q", restored.ID, restored.VersionLabel)
	}
	if strings.Contains(restored.Kerntaken[0].Title, "herzien") {
		t.Error("restored version has the later edit")
	}
	w := mw.ShowReadOnly(restored, "test")
	w.Close()
}

func mustLoad(t *testing.T, mw *MainWindow, e workspace.HistoryEntry) *app.Profile {
	p, err := mw.ws.LoadHistoryEntry(e)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
