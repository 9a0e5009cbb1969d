package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/cli"
	"bcpeditor/assets"
	"bcpeditor/storage"
)

// run runs one command against the library at path, seeding it first as
// the real program does.
func run(t *testing.T, path string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &errb, Library: storage.FileLocation{Path: path}}
	code = cli.Run(context.Background(), env, args)
	return out.String(), errb.String(), code
}

func bundledCount(t *testing.T) int {
	bundles, _ := assets.Bundles()
	n := 0
	for _, b := range bundles {
		n += len(b.Profiles)
	}
	return n
}

func TestListShowsBundledProfilesWithCounts(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.sqlite")
	out, errOut, code := run(t, lib, "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"bcp Commercieel medewerker", "4 rollen, 16 werkzaamheden", "bcp (Junior) accountmanager", "3 rollen"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = run(t, lib, "list", "--json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != bundledCount(t) {
		t.Errorf("list --json has %d rows", len(rows))
	}
}

func TestExportImportRoundTripsByteForByte(t *testing.T) {
	dir := t.TempDir()
	libA, libB := filepath.Join(dir, "a.sqlite"), filepath.Join(dir, "b.sqlite")
	bundles, _ := assets.Bundles()
	for _, b := range bundles {
		for _, p := range b.Profiles {
			first := filepath.Join(dir, p.ID+"-1.bcp.json")
			second := filepath.Join(dir, p.ID+"-2.bcp.json")
			if _, e, code := run(t, libA, "export", "--format", "json", "--out", first, p.ID); code != 0 {
				t.Fatalf("export: %s", e)
			}
			// Library B is seeded too, so remove the profile there first.
			lb, err := storage.Open(context.Background(), libB)
			if err != nil {
				t.Fatal(err)
			}
			bs, _ := assets.Bundles()
			lb.Seed(context.Background(), bs)
			lb.DeleteProfile(context.Background(), p.ID)
			lb.Close()
			if _, e, code := run(t, libB, "import", first); code != 0 {
				t.Fatalf("import: %s", e)
			}
			if _, e, code := run(t, libB, "export", "--out", second, p.ID); code != 0 {
				t.Fatalf("second export: %s", e)
			}
			a, _ := os.ReadFile(first)
			c, _ := os.ReadFile(second)
			if !bytes.Equal(a, c) {
				t.Errorf("%s: export → import → export changed the bytes", p.Title)
			}
			show, _, _ := run(t, libA, "show", "--json", p.ID)
			if show != string(a) {
				t.Errorf("%s: show --json differs from export", p.Title)
			}
		}
	}
}

func TestBadImportChangesNothing(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.sqlite")
	before, _, _ := run(t, lib, "list", "--json")
	cases := map[string]string{
		"kapot.bcp.json":    `{"formaat": "bcp-editor", "versie": 1, "profielen": [`,
		"nieuw.bcp.json":    `{"formaat": "bcp-editor", "versie": 3}`,
		"anders.json":       `{"hello": "world"}`,
		"leeg.bcp.json":     ``,
		"onbekend.bcp.json": `{"formaat": "bcp-editor", "versie": 1, "profielen": [{"id": "11111111-1111-4111-8111-111111111111", "titel": "X", "beroep": "", "eigenaar": "", "versie": "", "status": "concept", "structuur": "rollen", "competentiemodel": "99999999-1111-4111-8111-111111111111"}]}`,
	}
	for name, content := range cases {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(content), 0o644)
		_, errOut, code := run(t, lib, "import", path)
		if code == 0 {
			t.Errorf("%s: accepted", name)
		}
		if strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "niets gewijzigd") {
			t.Errorf("%s: want one Dutch line saying nothing changed, got %q", name, errOut)
		}
	}
	if _, errOut, code := run(t, lib, "import", filepath.Join(dir, "bestaat-niet.json")); code == 0 || !strings.Contains(errOut, "bestaat niet") {
		t.Errorf("missing file: %d %q", code, errOut)
	}
	after, _, _ := run(t, lib, "list", "--json")
	if before != after {
		t.Error("a refused import changed the library")
	}
}

func TestShowValidateAndErrors(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.sqlite")
	out, _, code := run(t, lib, "show", "commercieel")
	if code != 0 || !strings.Contains(out, "Rol 1  Medewerker verkoop en klantencontact") || !strings.Contains(out, "Beïnvloeden") {
		t.Errorf("show: %d\n%s", code, out)
	}
	out, _, code = run(t, lib, "validate", "commercieel")
	if code != 0 || !strings.Contains(out, "geen problemen") {
		t.Errorf("validate: %d %s", code, out)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"show", "accountmanager"}, 1, "meer dan één"},
		{[]string{"show", "bakker"}, 1, "geen profiel"},
		{[]string{"show"}, 2, "gebruik"},
		{[]string{"export", "commercieel"}, 2, "--out"},
		{[]string{"export", "--format", "odt", "--out", "x", "commercieel"}, 2, "onbekend formaat"},
		{[]string{"frobnicate"}, 2, "onbekende opdracht"},
	} {
		_, errOut, code := run(t, lib, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q on one line", c.args, code, errOut, c.code, c.want)
		}
	}
}

func TestSearchCommand(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.sqlite")
	out, errOut, code := run(t, lib, "search", "--limit", "3", "beinvl")
	if code != 0 || !strings.Contains(out, "Beïnvloeden") || !strings.Contains(out, "Overtuigen en beïnvloeden") {
		t.Fatalf("search: %d %s %s", code, out, errOut)
	}
	out, _, _ = run(t, lib, "search", "--json", "--profile", "BCP Junior", "--limit", "5", "behandelt", "klachten")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || rows[0]["tekst"] != "Behandelt klachten" || rows[0]["code"] != "2.3" {
		t.Fatalf("search --json: %v", rows)
	}
	for _, r := range rows {
		if r["profiel"] != "BCP Junior accountmanager" {
			t.Errorf("--profile let through %v", r["profiel"])
		}
	}
	// A separable verb, with the fragment and its marked letters; a
	// competentie once, with where it is used.
	out, _, _ = run(t, lib, "search", "--json", "--limit", "3", "offerte", "uitbrengen")
	var hits []struct {
		Code, Veld, Fragment string
		Markeringen          [][2]int
		Gebruik              []map[string]string
	}
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Code != "3.4" || len(hits[0].Markeringen) == 0 {
		t.Fatalf("offerte uitbrengen: %+v", hits)
	}
	out, _, _ = run(t, lib, "search", "--json", "--limit", "1", "klantgericht handelen")
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 1 || len(hits[0].Gebruik) < 2 {
		t.Fatalf("klantgericht handelen: %+v %v", hits, err)
	}
	if _, errOut, code := run(t, lib, "search"); code != 2 || !strings.Contains(errOut, "gebruik") {
		t.Errorf("search without a query: %d %q", code, errOut)
	}
}

func TestCompareCommand(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.sqlite")
	out, errOut, code := run(t, lib, "compare", "BCP Junior", "bcp (Junior)")
	if code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	for _, want := range []string{"gewijzigd", "werkproces 2.3 Behandelt klachten", "Overtuigen en beïnvloeden → Beïnvloeden"} {
		if !strings.Contains(out, want) {
			t.Errorf("compare output lacks %q", want)
		}
	}
	out, _, _ = run(t, lib, "compare", "--json", "commercieel", "commercieel")
	var res struct {
		Samenvatting map[string]int `json:"samenvatting"`
		Paren        []any          `json:"paren"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Samenvatting["ongewijzigd"] != len(res.Paren) || len(res.Paren) == 0 {
		t.Errorf("a profile against itself: %v", res.Samenvatting)
	}
	// 2010 → 2020: 2.3 Behandelt klachten reaches the complaint
	// werkzaamheid of both rollen, so it stands in (at least) two rows of
	// paren; the concordantietabel is written too.
	table := filepath.Join(t.TempDir(), "concordantie.xlsx")
	out, errOut, code = run(t, lib, "compare", "--json", "--concordantie", table, "BCP Junior", "bcp (Junior)")
	if code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	var cross struct {
		Paren []struct {
			Oud   *struct{ Code, Titel string } `json:"oud"`
			Nieuw *struct{ Code, Titel string } `json:"nieuw"`
		} `json:"paren"`
	}
	if err := json.Unmarshal([]byte(out), &cross); err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, p := range cross.Paren {
		if p.Oud != nil && p.Oud.Code == "2.3" && p.Nieuw != nil {
			rows++
		}
	}
	if rows < 2 {
		t.Errorf("2.3 has %d linked rows in paren, want the complaint werkzaamheid of two rollen", rows)
	}
	if st, err := os.Stat(table); err != nil || st.Size() < 2000 {
		t.Errorf("no concordantietabel written: %v", err)
	}
	if _, errOut, code := run(t, lib, "compare", "--concordantie", "x.pdf", "a", "b"); code != 2 || !strings.Contains(errOut, ".xlsx") {
		t.Errorf("a concordantietabel as pdf: %d %q", code, errOut)
	}
}

func TestBackupsAndRestoreCommands(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.sqlite")
	run(t, lib, "list")
	l, err := storage.Open(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.MakeBackup(context.Background(), "handmatig"); err != nil {
		t.Fatal(err)
	}
	all, _ := l.ListProfiles(context.Background())
	l.DeleteProfile(context.Background(), all[0].ID)
	l.Close()
	out, _, code := run(t, lib, "backups")
	if code != 0 || !strings.Contains(out, "handmatig") {
		t.Fatalf("backups: %s", out)
	}
	_, errOut, code := run(t, lib, "restore", "1")
	if code != 0 {
		t.Fatalf("restore: %s", errOut)
	}
	out, _, _ = run(t, lib, "list", "--json")
	var rows []map[string]any
	json.Unmarshal([]byte(out), &rows)
	if len(rows) != len(all) {
		t.Fatalf("after restore %d profiles, want %d", len(rows), len(all))
	}
	if _, errOut, code := run(t, lib, "restore", "99"); code != 1 || !strings.Contains(errOut, "geen reservekopie nummer 99") {
		t.Errorf("restore 99: %d %q", code, errOut)
	}
}

func TestExportFormatsAndCASEImport(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.sqlite")
	for _, f := range []string{"html", "xlsx", "case", "json"} {
		out := filepath.Join(dir, "junior."+f)
		if _, e, code := run(t, lib, "export", "--format", f, "--out", out, "BCP Junior"); code != 0 {
			t.Fatalf("%s: %s", f, e)
		}
		if st, err := os.Stat(out); err != nil || st.Size() < 1000 {
			t.Fatalf("%s: %v", f, err)
		}
	}
	before, _, _ := run(t, lib, "list", "--json")
	out, e, code := run(t, lib, "import", filepath.Join(dir, "junior.case"))
	if code != 0 || !strings.Contains(out, "BCP Junior accountmanager") {
		t.Fatalf("CASE import: %s %s", out, e)
	}
	after, _, _ := run(t, lib, "list", "--json")
	var a, b []any
	json.Unmarshal([]byte(before), &a)
	json.Unmarshal([]byte(after), &b)
	// Our own CASE export carries the profile's ids: it merges into the
	// profile it came from instead of making a duplicate.
	if len(b) != len(a) {
		t.Fatalf("CASE import made %d profiles, want %d (merged)", len(b), len(a))
	}
}

// A profile sent as an exchange file, edited elsewhere and imported back
// merges without losing either side's edits.
func TestImportMergesAProfileThatCameBack(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.sqlite")
	sent := filepath.Join(dir, "verstuurd.bcp.json")
	if _, e, code := run(t, lib, "export", "--out", sent, "commercieel"); code != 0 {
		t.Fatal(e)
	}
	// Elsewhere: a werkzaamheid edited.
	f, _ := os.Open(sent)
	b, err := app.DecodeBundle(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	p := b.Profiles[0]
	p.Rollen[0].Werkzaamheden[0].Text += " Ook via videobellen."
	back := filepath.Join(dir, "terug.bcp.json")
	out, _ := os.Create(back)
	app.EncodeBundle(out, b)
	out.Close()
	// Here: a kennis line edited.
	l, _ := storage.Open(context.Background(), lib)
	q, _ := l.LoadProfile(context.Background(), p.ID)
	ed := app.NewEditor(context.Background(), l, q)
	ed.SetField(q.Rollen[0].KennisEnVaardigheden[0].ID, app.FieldBody, "Kennis van marketing en verkoop.")
	l.Close()

	stdout, e, code := run(t, lib, "import", "--dry-run", back)
	if code != 0 || !strings.Contains(stdout, "1 daar gewijzigd") || !strings.Contains(stdout, "geen conflicten") || !strings.Contains(stdout, "Proefdraai") {
		t.Fatalf("dry run: %d %s %s", code, stdout, e)
	}
	// While a window has the library, the merge waits.
	window, err := storage.OpenWith(context.Background(), lib, storage.Options{Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, e, code := run(t, lib, "import", back); code == 0 || !strings.Contains(e, "geopend in een venster") {
		t.Fatalf("merge under an open window: %d %s", code, e)
	}
	window.Close()
	if _, e, code := run(t, lib, "import", back); code != 0 {
		t.Fatal(e)
	}
	l, _ = storage.Open(context.Background(), lib)
	defer l.Close()
	m, _ := l.LoadProfile(context.Background(), p.ID)
	if !strings.HasSuffix(m.Rollen[0].Werkzaamheden[0].Text, "Ook via videobellen.") || m.Rollen[0].KennisEnVaardigheden[0].Text != "Kennis van marketing en verkoop." {
		t.Fatal("a side's edit was lost in the merge")
	}
}

func TestDeleteAskedThenDone(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.sqlite")
	_, errOut, code := run(t, lib, "delete", "commercieel")
	if code != 1 || !strings.Contains(errOut, "--ja") || !strings.Contains(errOut, "niets gewijzigd") {
		t.Fatalf("delete without --ja: %d %q", code, errOut)
	}
	out, errOut, code := run(t, lib, "delete", "--ja", "commercieel")
	if code != 0 || !strings.Contains(out, "Verwijderd: bcp Commercieel medewerker") {
		t.Fatalf("delete: %d %q %q", code, out, errOut)
	}
	list, _, _ := run(t, lib, "list")
	if strings.Contains(list, "Commercieel medewerker") {
		t.Fatal("the deleted profile is still listed")
	}
}

// A title with terminal escape codes is shown, not obeyed.
func TestTerminalEscapesInTitlesAreNotPrinted(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.sqlite")
	run(t, lib, "list")
	l, err := storage.Open(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := l.ListProfiles(context.Background())
	p, _ := l.LoadProfile(context.Background(), all[0].ID)
	ed := app.NewEditor(context.Background(), l, p)
	m := p.Meta()
	m.Title = "Gevaarlijk \x1b]0;gekaapt\x07\x1b[2J titel"
	if err := ed.EditMeta("titel", "", m); err != nil {
		t.Fatal(err)
	}
	l.Close()
	for _, args := range [][]string{{"list"}, {"show", p.ID}, {"search", "--profile", p.ID, "klant"}} {
		out, _, _ := run(t, lib, args...)
		if strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, 0x07) {
			t.Errorf("%v printed an escape code: %q", args, out)
		}
		if !strings.Contains(out, "Gevaarlijk") {
			t.Errorf("%v lost the title: %q", args, out)
		}
	}
}

// A competency model exports by (part of) its name, as a CASE package of
// its own; a profile's CASE package, which refers to that model, imports
// into another library that has the model. (A profile whose model is
// missing is refused: app/export TestCASERoundTripIsLossless.)
func TestCASEModelExportAndProfileImport(t *testing.T) {
	dir := t.TempDir()
	from, to := filepath.Join(dir, "a.sqlite"), filepath.Join(dir, "b.sqlite")
	model, profile := filepath.Join(dir, "model.case.json"), filepath.Join(dir, "bcp.case.json")
	if _, e, code := run(t, from, "export", "--model", "kwalificatiedossiers", "--format", "case", "--out", model); code != 0 {
		t.Fatalf("model export: %s", e)
	}
	if _, e, code := run(t, from, "export", "--format", "case", "--out", profile, "BCP Junior"); code != 0 {
		t.Fatalf("profile export: %s", e)
	}
	// The other library: its own copy of the bundled profiles removed.
	run(t, to, "list")
	l, err := storage.Open(context.Background(), to)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := l.ListProfiles(context.Background())
	for _, p := range all {
		l.DeleteProfile(context.Background(), p.ID)
	}
	l.Close()
	out, e, code := run(t, to, "import", profile)
	if code != 0 || !strings.Contains(out, "BCP Junior accountmanager") {
		t.Fatalf("profile import with its model already there: %d %s %s", code, out, e)
	}
	if out, e, code := run(t, to, "export", "--model", "bestaat niet", "--format", "case", "--out", model); code == 0 || !strings.Contains(e, "geen competentiemodel") {
		t.Fatalf("unknown model: %d %s %s", code, out, e)
	}
}
