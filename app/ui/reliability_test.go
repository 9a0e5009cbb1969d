package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/storage"
)

func buttonsIn(w fyne.Window) map[string]*widget.Button {
	out := map[string]*widget.Button{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			out[x.Text] = x
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(w.Content())
	return out
}

// A second window on the same library is told it is open elsewhere and can
// open it read-only; a damaged library offers a new library next to it and
// is left as it was.
func TestStartProblems(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lib.sqlite")
	cfg := seededConfig(path)
	first, err := cfg.Open(ctx, storage.Options{Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	_, err = cfg.Open(ctx, storage.Options{Exclusive: true})
	if err == nil {
		t.Fatal("second window opened the library too")
	}
	var opened *storage.Library
	w := ShowStartProblem(a, cfg, err, func(lib *storage.Library, _ Config) { opened = lib })
	if !strings.Contains(err.Error(), "al geopend") {
		t.Errorf("message %q", err)
	}
	bs := buttonsIn(w)
	if bs["Alleen lezen openen"] == nil || bs["Nieuwe bibliotheek beginnen"] != nil {
		t.Fatalf("choices for a library in use: %v", keys(bs))
	}
	test.Tap(bs["Alleen lezen openen"])
	if opened == nil || !opened.ReadOnly() {
		t.Fatal("read-only choice did not open the library read-only")
	}
	opened.Close()

	// A file that is no library at all.
	bad := filepath.Join(t.TempDir(), "notities.sqlite")
	os.WriteFile(bad, []byte("geen bibliotheek"), 0o644)
	badCfg := seededConfig(bad)
	_, err = badCfg.Open(ctx, storage.Options{Exclusive: true})
	var openedCfg Config
	w2 := ShowStartProblem(a, badCfg, err, func(lib *storage.Library, c Config) { opened, openedCfg = lib, c })
	bs = buttonsIn(w2)
	if bs["Nieuwe bibliotheek beginnen"] == nil {
		t.Fatalf("choices for a foreign file: %v", keys(bs))
	}
	test.Tap(bs["Nieuwe bibliotheek beginnen"])
	if opened == nil || openedCfg.LibraryPath == bad {
		t.Fatal("no new library")
	}
	defer opened.Close()
	if data, _ := os.ReadFile(bad); string(data) != "geen bibliotheek" {
		t.Error("the foreign file was changed")
	}
}

func TestRestoreFromTheWindow(t *testing.T) {
	a := test.NewTempApp(t)
	SetupLanguage()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lib.sqlite")
	cfg := seededConfig(path)
	lib, err := cfg.Open(ctx, storage.Options{Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	backup, err := lib.MakeBackup(ctx, "handmatig")
	if err != nil {
		t.Fatal(err)
	}
	mw := newWindowInline(a, lib)
	mw.cfg = cfg
	defer mw.Window.Close()
	n := len(mw.summaries)
	mw.DeleteProfile(mw.summaries[0].ID)
	if len(mw.summaries) != n-1 {
		t.Fatal("delete failed")
	}
	mw.RestoreBackup(backup.Path)
	if len(mw.summaries) != n {
		t.Fatalf("after restore %d profiles, want %d", len(mw.summaries), n)
	}
	if mw.Profile() == nil {
		t.Error("no profile open after restore")
	}
	mw.store.Close()
}

func keys(m map[string]*widget.Button) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// seededConfig is the configuration main gives the window for a library.
func seededConfig(path string) Config {
	return Config{LibraryPath: path, Open: func(ctx context.Context, opt storage.Options) (*storage.Library, error) {
		return storage.OpenSeededWith(ctx, path, opt)
	}}
}
