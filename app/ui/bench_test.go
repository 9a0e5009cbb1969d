package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"bcpeditor/storage"
)

// Target: opening the 2010 BCP and showing its tree ≤ 100 ms (load from
// the library, build the tree, show the selected node's form, render).
func BenchmarkOpenProfileAndShowTree(b *testing.B) {
	mw, id := benchWindow(b)
	other := mw.summaries[0].ID
	if other == id {
		other = mw.summaries[1].ID
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
		w := NewMainWindow(mw.App, mw.store, mw.cfg)
		w.Window.Canvas().Refresh(w.Window.Content())
		b.StopTimer()
		w.Window.Close()
		b.StartTimer()
	}
}

func benchWindow(b *testing.B) (*MainWindow, string) {
	a := test.NewApp()
	b.Cleanup(func() { a.Quit() })
	lib, err := openBenchLibrary(b)
	if err != nil {
		b.Fatal(err)
	}
	mw := NewMainWindow(a, lib, Config{LibraryPath: "bibliotheek.sqlite"})
	for _, s := range mw.summaries {
		if s.Title == "BCP Junior accountmanager" {
			return mw, s.ID
		}
	}
	b.Skip("2010 BCP not bundled")
	return nil, ""
}

func openBenchLibrary(b *testing.B) (*storage.Library, error) {
	lib, err := storage.OpenSeeded(context.Background(), filepath.Join(b.TempDir(), "lib.sqlite"))
	if err != nil {
		return nil, err
	}
	b.Cleanup(func() { lib.Close() })
	return lib, nil
}
