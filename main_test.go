package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// FyneApp.toml and the icon are what the packaging reads; CI checks them
// here, since the release build itself is not part of CI.
func TestFyneAppMetadataAndIcon(t *testing.T) {
	var meta struct {
		Details struct {
			Icon, Name, ID, Version string
			Build                   int
		}
		LinuxAndBSD struct {
			GenericName, Comment string
			Categories, Keywords []string
		}
		Migrations map[string]bool
	}
	md, err := toml.DecodeFile("FyneApp.toml", &meta)
	if err != nil {
		t.Fatalf("FyneApp.toml: %v", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		t.Errorf("FyneApp.toml has keys the packager does not know: %v", und)
	}
	d := meta.Details
	if d.Name != "BCP Editor" || !regexp.MustCompile(`^[a-z]+(\.[a-z]+)+$`).MatchString(d.ID) || d.Build < 1 {
		t.Errorf("details: %+v", d)
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(d.Version) || d.Version != version {
		t.Errorf("version %q in FyneApp.toml, %q in main.go", d.Version, version)
	}
	if !meta.Migrations["fyneDo"] {
		t.Error("[Migrations] fyneDo = true is missing")
	}
	if meta.LinuxAndBSD.GenericName == "" || len(meta.LinuxAndBSD.Categories) == 0 {
		t.Error("Linux desktop metadata missing")
	}
	f, err := os.Open(filepath.FromSlash(d.Icon))
	if err != nil {
		t.Fatalf("icon: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("icon is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < 512 {
		t.Errorf("icon is %dx%d; the packager wants a square of at least 512", b.Dx(), b.Dy())
	}
}

func TestVersionAndHelp(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"--version"}, &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "bcpeditor "+version) {
		t.Errorf("--version: %d %q", code, out.String())
	}
	out.Reset()
	if code := run([]string{"help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "Opdrachten:") {
		t.Errorf("help: %d %q", code, out.String())
	}
	out.Reset()
	dir := t.TempDir()
	if code := run([]string{"--db", filepath.Join(dir, "l.sqlite"), "list"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "BCP Junior accountmanager") {
		t.Errorf("list: %d %q %q", code, out.String(), errb.String())
	}
}
