package app_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/assets"
)

func bundled(t testing.TB) [][]byte {
	var out [][]byte
	for _, name := range assets.ProfileFiles() {
		data, err := assets.ProfileFile(name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

func TestDecodeEncodeIsByteExact(t *testing.T) {
	for _, data := range bundled(t) {
		b, err := app.ParseBundle(data)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := app.EncodeBundle(&buf, b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), data) {
			t.Error("decode → encode changed the bytes")
		}
	}
}

func TestElementsAssembleRoundTrip(t *testing.T) {
	for _, data := range bundled(t) {
		b, _ := app.ParseBundle(data)
		for _, p := range b.Profiles {
			var q app.Profile = *p
			elems := p.Elements()
			// Reverse, so Assemble has to sort.
			for i, j := 0, len(elems)-1; i < j; i, j = i+1, j-1 {
				elems[i], elems[j] = elems[j], elems[i]
			}
			if err := q.Assemble(elems); err != nil {
				t.Fatal(err)
			}
			var a, c bytes.Buffer
			app.EncodeBundle(&a, &app.Bundle{Format: app.ExchangeFormat, Version: 1, Profiles: []*app.Profile{p}})
			app.EncodeBundle(&c, &app.Bundle{Format: app.ExchangeFormat, Version: 1, Profiles: []*app.Profile{&q}})
			if !bytes.Equal(a.Bytes(), c.Bytes()) {
				t.Errorf("%s: Elements → Assemble is not lossless", p.Title)
			}
		}
	}
}

const minimal = `{"formaat": "bcp-editor", "versie": 1, "profielen": [{
  "id": "11111111-1111-4111-8111-111111111111", "titel": "Test", "beroep": "Tester", "eigenaar": "SBB",
  "versie": "1", "status": "concept", "structuur": "kerntaken", "competentiemodel": "",
  "kerntaken": [{"id": "22222222-2222-4222-8222-222222222222", "code": "1", "titel": "Test",
    "werkprocessen": [{"id": "33333333-3333-4333-8333-333333333333", "code": "1.1", "titel": "Doet iets"}]}]%s}]}`

func TestBadInputGivesOneDutchMessage(t *testing.T) {
	dup := `,"beoordelingen": [{"id": "22222222-2222-4222-8222-222222222222", "element": "33333333-3333-4333-8333-333333333333", "soort": "beoordeling", "aansluiting": "goed", "bron": "x"}]`
	cases := []struct{ name, input, want string }{
		{"empty", ``, "geen BCP-bestand"},
		{"not json", `hallo`, "geen BCP-bestand"},
		{"other format", `{"formaat": "case", "versie": 1}`, "geen BCP-bestand"},
		{"no version", `{"formaat": "bcp-editor"}`, "versie"},
		{"newer version", `{"formaat": "bcp-editor", "versie": 7}`, "formaatversie 7"},
		{"truncated", minimal[:200], "beschadigd of onvolledig"},
		{"unknown field", `{"formaat": "bcp-editor", "versie": 1, "extra": 1}`, "beschadigd"},
		{"trailing data", `{"formaat": "bcp-editor", "versie": 1} {}`, "beschadigd"},
		{"duplicate id", strings.Replace(minimal, "%s", dup, 1), "twee keer"},
		{"bad uuid", strings.Replace(strings.Replace(minimal, "%s", "", 1), "22222222-2222-4222-8222-222222222222", "abc", 1), "geen geldige id"},
		{"review on missing element", strings.Replace(minimal, "%s", `,"beoordelingen": [{"id": "44444444-4444-4444-8444-444444444444", "element": "55555555-5555-4555-8555-555555555555", "soort": "beoordeling", "aansluiting": "goed", "bron": "x"}]`, 1), "niet in het profiel"},
		{"bad rating", strings.Replace(minimal, "%s", `,"beoordelingen": [{"id": "44444444-4444-4444-8444-444444444444", "element": "33333333-3333-4333-8333-333333333333", "soort": "beoordeling", "aansluiting": "super", "bron": "x"}]`, 1), "onbekende aansluiting"},
		{"null element", strings.Replace(minimal, "%s", `,"rollen": [null]`, 1), "rollen"},
		{"mixed structure", strings.Replace(minimal, "%s", `,"rollen": [{"id": "66666666-6666-4666-8666-666666666666", "code": "1", "titel": "R"}]`, 1), "ook rollen"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := app.DecodeBundle(strings.NewReader(c.input))
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, app.ErrInvalidFile) {
				t.Errorf("not an input error: %v", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("message %q lacks %q", err, c.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message is more than one line")
			}
		})
	}
	if _, err := app.DecodeBundle(strings.NewReader(strings.Replace(minimal, "%s", "", 1))); err != nil {
		t.Fatalf("minimal valid file refused: %v", err)
	}
}

func TestHugeInputIsRefusedWithoutReadingItAll(t *testing.T) {
	r := &endless{}
	_, err := app.DecodeBundle(r)
	if err == nil || !strings.Contains(err.Error(), "groter dan") {
		t.Fatalf("want size refusal, got %v", err)
	}
	if r.n > app.MaxExchangeSize+64<<10 {
		t.Errorf("read %d bytes of an endless file", r.n)
	}
}

type endless struct{ n int }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	e.n += len(p)
	return len(p), nil
}

func TestDeeplyNestedInputIsRefused(t *testing.T) {
	deep := `{"formaat": "bcp-editor", "versie": 1, "profielen": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`
	if _, err := app.ParseBundle([]byte(deep)); err == nil {
		t.Fatal("accepted")
	}
}

// FuzzParseBundle: whatever the input, ParseBundle returns a bundle that
// passes Check and re-encodes, or an input error; it never panics.
func FuzzParseBundle(f *testing.F) {
	for _, data := range smallRealBundles(f) {
		f.Add(data)
	}
	f.Add([]byte(strings.Replace(minimal, "%s", "", 1)))
	f.Add([]byte(`{"formaat": "bcp-editor", "versie": 1, "profielen": [null]}`))
	f.Add([]byte(withBron(goodBron, `, "onderzoek": "`+bronID+`", "citaat": "c", "uitTekst": true`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := app.ParseBundle(data)
		if err != nil {
			if !errors.Is(err, app.ErrInvalidFile) {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		if err := b.Check(); err != nil {
			t.Fatalf("accepted bundle fails Check: %v", err)
		}
		var buf bytes.Buffer
		if err := app.EncodeBundle(&buf, b); err != nil {
			t.Fatal(err)
		}
		for _, p := range b.Profiles {
			app.Validate(p, nil)
			p.Elements()
			for _, o := range p.Findings(b.Bronnen) {
				for _, r := range o.Oordelen {
					r.Grond()
				}
			}
		}
	})
}

// smallRealBundles cuts the bundled files down to a few kilobytes each (one
// kerntaak or rol, a few lines, the reviews on what is left): real shapes
// and texts, small enough for the fuzzer to mutate quickly.
func smallRealBundles(t testing.TB) [][]byte {
	var out [][]byte
	for _, data := range bundled(t) {
		b, err := app.ParseBundle(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range b.Profiles {
			if len(p.Sections) > 1 {
				p.Sections = p.Sections[:1]
			}
			if len(p.Trends) > 1 {
				p.Trends = p.Trends[:1]
			}
			if len(p.Kerntaken) > 1 {
				p.Kerntaken = p.Kerntaken[:1]
				p.Kerntaken[0].Werkprocessen = p.Kerntaken[0].Werkprocessen[:1]
			}
			if len(p.Rollen) > 1 {
				p.Rollen = p.Rollen[:1]
				p.Rollen[0].KennisEnVaardigheden = p.Rollen[0].KennisEnVaardigheden[:3]
			}
			if len(p.Colofon) > 3 {
				p.Colofon = p.Colofon[:3]
			}
			kept := map[string]bool{p.ID: true}
			for _, e := range p.Elements() {
				kept[e.ID] = true
			}
			var reviews []*app.Review
			for _, r := range p.Reviews {
				if kept[r.ElementID] {
					reviews = append(reviews, r)
				}
			}
			p.Reviews = reviews
		}
		var buf bytes.Buffer
		if err := app.EncodeBundle(&buf, b); err != nil {
			t.Fatal(err)
		}
		if _, err := app.ParseBundle(buf.Bytes()); err != nil {
			t.Fatalf("cut-down bundle is invalid: %v", err)
		}
		out = append(out, buf.Bytes())
	}
	return out
}

// A cancelled export leaves no file (and an existing one as it was).
func TestCancelledExportLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	target := dir + "/uit.bcp.json"
	ctx, cancel := context.WithCancel(context.Background())
	err := app.WriteFileAtomicContext(ctx, target, func(w *bufio.Writer) error {
		for i := 0; i < 100000; i++ {
			if i == 5000 {
				cancel()
			}
			if _, err := w.WriteString("regel tekst tekst tekst\n"); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		t.Fatal("cancelled export reported success")
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatal("a cancelled export left a file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("temporary files left behind: %d", len(entries))
	}
}
