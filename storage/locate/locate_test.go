package locate_test

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"bcpeditor/storage"
	"bcpeditor/storage/locate"
	"bcpeditor/storage/pg"
)

func TestParseTellsFilesFromAddresses(t *testing.T) {
	for in, team := range map[string]bool{
		"postgres://jan@db.example.nl/bcp?sslmode=verify-full": true,
		"postgresql://db/bcp":          true,
		"/home/jan/bibliotheek.sqlite": false,
		"bibliotheek.sqlite":           false,
	} {
		loc, err := locate.Parse(in)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if _, isTeam := loc.(pg.Location); isTeam != team {
			t.Errorf("%s: %T", in, loc)
		}
	}
	if _, err := locate.Parse("postgres://[::1"); err == nil || strings.Contains(err.Error(), "invalid") {
		t.Errorf("a broken address: %v", err)
	}
}

func TestLocalIsAFileAlsoBesideATeamLibrary(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the data folder is XDG's on Linux only")
	}
	t.Setenv(storage.EnvPath, "postgres://jan@db/bcp")
	t.Setenv("XDG_DATA_HOME", "/tmp/xdg")
	loc, err := locate.Local()
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := loc.(storage.FileLocation); !ok || f.Path != filepath.Join("/tmp/xdg", "bcpeditor", storage.FileName) {
		t.Errorf("local library: %v", loc)
	}
	t.Setenv(storage.EnvPath, "/tmp/eigen.sqlite")
	if loc, _ := locate.Local(); loc.String() != "/tmp/eigen.sqlite" {
		t.Errorf("local library with a file in %s: %v", storage.EnvPath, loc)
	}
}
