package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/storage"
)

// Target: opening the 2010 BCP and showing its tree ≤ 100 ms (load from
// the library, build the tree, show the selected node's form, render).
func BenchmarkOpenProfileAndShowTree(b *testing.B) {
	mw, id := benchWindow(b)
	other := mw.ws.Profiles()[0].ID
	if other == id {
		other = mw.ws.Profiles()[1].ID
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		mw.OpenProfile(id)
		mw.Window.Canvas().Refresh(mw.Window.Content())
		b.StopTimer()
		mw.OpenProfile(other) // so the next open is a real switch
		b.StartTimer()
	}
}

// Naive baseline: build a whole new window for the profile, as a program
// without an open-profile path would.
func BenchmarkOpenProfileAndShowTreeNaiveBaseline(b *testing.B) {
	mw, id := benchWindow(b)
	mw.App.Preferences().SetString("profile.last", id)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := NewMainWindow(mw.App, mw.ws, mw.cfg)
		w.Window.Canvas().Refresh(w.Window.Content())
		b.StopTimer()
		w.Window.Close()
		b.StartTimer()
	}
}

func benchWindow(b *testing.B) (*MainWindow, string) {
	a := test.NewApp()
	b.Cleanup(func() { a.Quit() })
	loc := storage.FileLocation{Path: filepath.Join(b.TempDir(), "lib.sqlite")}
	ws, err := workspace.Open(context.Background(), loc, app.OpenShared)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ws.Close() })
	mw := NewMainWindow(a, ws, Config{Library: loc})
	mw.bg.wait()
	for _, s := range mw.ws.Profiles() {
		if s.Title == "BCP Junior accountmanager" {
			return mw, s.ID
		}
	}
	b.Fatal("the 2010 BCP is not bundled")
	return nil, ""
}

// bigProfile is a profile of about n comparable elements: kerntaken of
// twenty werkprocessen each, texts taken from the 2010 BCP.
func bigProfile(b *testing.B, src *app.Profile, n int) *app.Profile {
	var wps []*app.Werkproces
	for _, k := range src.Kerntaken {
		wps = append(wps, k.Werkprocessen...)
	}
	p := app.NewProfile("Groot profiel", "Tester", app.StructureKerntaken, src.CatalogueID)
	for i := 0; len(p.Kerntaken)*21 < n; i++ {
		k := &app.Kerntaak{ID: app.NewID(), Code: fmt.Sprint(i + 1), Title: src.Kerntaken[i%len(src.Kerntaken)].Title}
		for j := 0; j < 20; j++ {
			w := wps[(i*20+j)%len(wps)]
			k.Werkprocessen = append(k.Werkprocessen, &app.Werkproces{ID: app.NewID(), Code: fmt.Sprintf("%d.%d", i+1, j+1),
				Title: w.Title, Beschrijving: w.Beschrijving})
		}
		p.Kerntaken = append(p.Kerntaken, k)
	}
	return p
}

// Target: the compare window with 1,000 elements a side shows within
// 200 ms of having the comparison: the virtualised list lays out only the
// rows in view. Baseline: every row built at once.
func BenchmarkCompareViewShow1000(b *testing.B) {
	mw, id := benchWindow(b)
	src, _ := mw.ws.Profile(id)
	old := bigProfile(b, src, 1000)
	nw := app.NewVersion(old, "nieuw")
	cmp, err := mw.ws.NewComparison(old, nw)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(cmp.Result.Rows)), "rows")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cv := &CompareView{ws: mw.ws, mw: mw, cmp: cmp, selected: -1}
		cv.Window = mw.App.NewWindow("vergelijken")
		cv.Window.SetContent(cv.layout())
		cv.Window.Resize(fyne.NewSize(1200, 780))
		cv.Result = cmp.Result
		cv.render("")
		cv.Window.Canvas().Refresh(cv.Window.Content())
		b.StopTimer()
		cv.Window.Close()
		b.StartTimer()
	}
}

func BenchmarkCompareViewShow1000NaiveBaseline(b *testing.B) {
	mw, id := benchWindow(b)
	src, _ := mw.ws.Profile(id)
	old := bigProfile(b, src, 1000)
	cmp, err := mw.ws.NewComparison(old, app.NewVersion(old, "nieuw"))
	if err != nil {
		b.Fatal(err)
	}
	cv := &CompareView{ws: mw.ws, mw: mw, cmp: cmp, Result: cmp.Result}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := mw.App.NewWindow("vergelijken")
		rows := container.NewVBox()
		for k := range cmp.Result.Rows {
			cv.shown = append(cv.shown[:0], k)
			o := cv.newRow()
			cv.updateRow(0, o)
			rows.Add(o)
		}
		w.SetContent(container.NewVScroll(rows))
		w.Resize(fyne.NewSize(1200, 780))
		w.Canvas().Refresh(w.Content())
		b.StopTimer()
		w.Close()
		b.StartTimer()
	}
}
