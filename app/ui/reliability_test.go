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

	"bcpeditor/app"
	"bcpeditor/app/workspace"
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
	cfg := Config{Library: storage.FileLocation{Path: path}}
	first, err := workspace.Open(ctx, cfg.Library, app.OpenExclusive)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	_, err = workspace.Open(ctx, cfg.Library, app.OpenExclusive)
	if err == nil {
		t.Fatal("second window opened the library too")
	}
	var opened *workspace.Workspace
	w := ShowStartProblem(a, cfg, err, func(ws *workspace.Workspace, _ Config) { opened = ws })
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
	badCfg := Config{Library: storage.FileLocation{Path: bad}}
	_, err = workspace.Open(ctx, badCfg.Library, app.OpenExclusive)
	var openedCfg Config
	w2 := ShowStartProblem(a, badCfg, err, func(ws *workspace.Workspace, c Config) { opened, openedCfg = ws, c })
	bs = buttonsIn(w2)
	if bs["Nieuwe bibliotheek beginnen"] == nil {
		t.Fatalf("choices for a foreign file: %v", keys(bs))
	}
	test.Tap(bs["Nieuwe bibliotheek beginnen"])
	if opened == nil || openedCfg.Library.String() == bad {
		t.Fatal("no new library")
	}
	defer opened.Close()
	if data, _ := os.ReadFile(bad); string(data) != "geen bibliotheek" {
		t.Error("the foreign file was changed")
	}
}

func TestRestoreFromTheWindow(t *testing.T) {
	mw, lib := newTestWindow(t)
	ctx := context.Background()
	backup, err := lib.MakeBackup(ctx, "handmatig")
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	n := len(mw.ws.Profiles())
	mw.DeleteProfile(mw.ws.Profiles()[0].ID)
	if len(mw.ws.Profiles()) != n-1 {
		t.Fatal("delete failed")
	}
	mw.RestoreBackup(app.Backup{ID: backup.Path})
	mw.bg.wait()
	if len(mw.ws.Profiles()) != n {
		t.Fatalf("after restore %d profiles, want %d", len(mw.ws.Profiles()), n)
	}
	if mw.Profile() == nil {
		t.Error("no profile open after restore")
	}
}

func keys(m map[string]*widget.Button) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
