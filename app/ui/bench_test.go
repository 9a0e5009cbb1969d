package ui

import (
	"context"
	"path/filepath"
	"testing"

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
