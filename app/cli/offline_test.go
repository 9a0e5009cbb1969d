package cli_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/cli"
	"bcpeditor/app/workspace"
	"bcpeditor/storage"
	"bcpeditor/storage/locate"
)

// runTeam runs a command against the library at path with the way to name
// other libraries that main gives.
func runTeam(t *testing.T, path string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &errb, Library: storage.FileLocation{Path: path}, Locate: locate.Parse}
	code := cli.Run(context.Background(), env, args)
	return out.String(), errb.String(), code
}

// meenemen and terugbrengen: a profile goes to a laptop library, is edited
// there, and comes back merged.
func TestTakeOfflineAndBringBack(t *testing.T) {
	dir := t.TempDir()
	team, laptop := filepath.Join(dir, "team.sqlite"), filepath.Join(dir, "laptop.sqlite")
	out, errOut, code := runTeam(t, team, "meenemen", "--naar", laptop, "BCP Junior accountmanager")
	if code != 0 || !strings.Contains(out, "Meegenomen naar") {
		t.Fatalf("meenemen: %d %s %s", code, out, errOut)
	}
	w, err := workspace.Open(context.Background(), storage.FileLocation{Path: laptop}, app.OpenShared)
	if err != nil {
		t.Fatal(err)
	}
	sum, _ := w.Resolve("BCP Junior accountmanager")
	s, _ := w.OpenProfile(sum.ID)
	k := s.Profile().Kerntaken[0].ID
	if err := s.Edit("", func(ed *app.Editor) error { return ed.SetField(k, app.FieldTitle, "Herschreven in de workshop") }); err != nil {
		t.Fatal(err)
	}
	w.Close()
	out, errOut, code = runTeam(t, team, "terugbrengen", "--van", laptop, "--dry-run")
	if code != 0 || !strings.Contains(out, "1 daar gewijzigd") || !strings.Contains(out, "Proefdraai") {
		t.Fatalf("terugbrengen --dry-run: %d %s %s", code, out, errOut)
	}
	out, errOut, code = runTeam(t, team, "terugbrengen", "--van", laptop)
	if code != 0 || !strings.Contains(out, "Teruggebracht en samengevoegd") {
		t.Fatalf("terugbrengen: %d %s %s", code, out, errOut)
	}
	out, _, _ = runTeam(t, team, "show", "BCP Junior accountmanager")
	if !strings.Contains(out, "Herschreven in de workshop") {
		t.Error("the edit made offline is not in the team library")
	}
	if _, errOut, code := runTeam(t, team, "meenemen", "--naar", team, "BCP Junior accountmanager"); code != 2 {
		t.Errorf("taking a profile into the library it comes from: %d %s", code, errOut)
	}
}
