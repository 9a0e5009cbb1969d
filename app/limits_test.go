package app_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"bcpeditor/app"
)

// withProfile encodes a bundle of one minimal profile after change has
// had its way with it.
func withProfile(t *testing.T, change func(p *app.Profile)) []byte {
	t.Helper()
	b, err := app.ParseBundle([]byte(strings.Replace(minimal, "%s", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	change(b.Profiles[0])
	data, err := json.Marshal(b) // compact: indented, deep nesting grows quadratically
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func nestedSections(depth int) []*app.Section {
	if depth == 0 {
		return nil
	}
	return []*app.Section{{ID: app.NewID(), Title: fmt.Sprint("laag ", depth), Sections: nestedSections(depth - 1)}}
}

// One message, Dutch, one line, short: never the 10 MB it is about, never
// a terminal escape code.
func wellShown(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, app.ErrInvalidFile) {
		t.Fatalf("not an input error: %v", err)
	}
	msg := err.Error()
	if len(msg) > 400 || strings.ContainsAny(msg, "\n\x1b") || strings.Contains(msg, "json:") {
		t.Errorf("message %q", msg[:min(len(msg), 400)])
	}
	if !strings.Contains(msg, "Er is niets gewijzigd.") {
		t.Errorf("message %q does not say nothing changed", msg)
	}
}

// Each limit refuses what is past it with a Dutch sentence, and accepts
// what is at it.
func TestImportLimits(t *testing.T) {
	long := strings.Repeat("x", 10<<20)
	cases := []struct {
		name   string
		change func(p *app.Profile)
		want   string // "" for accepted
	}{
		{"10 MB one-word title", func(p *app.Profile) { p.Title = long }, "tekens lang"},
		{"10 MB werkproces", func(p *app.Profile) { p.Kerntaken[0].Werkprocessen[0].Title = long }, `veld "titel"`},
		{"text at the limit", func(p *app.Profile) { p.Kerntaken[0].Werkprocessen[0].Title = strings.Repeat("é", app.MaxTextLength) }, ""},
		{"text one past the limit", func(p *app.Profile) { p.Beroep = strings.Repeat("é", app.MaxTextLength+1) }, "20.001 tekens"},
		{"sections at the limit", func(p *app.Profile) { p.Sections = nestedSections(app.MaxSectionDepth) }, ""},
		{"sections too deep", func(p *app.Profile) { p.Sections = nestedSections(4900) }, "4900 lagen diep"},
		{"too many elements", func(p *app.Profile) {
			k := p.Kerntaken[0]
			for len(k.Werkprocessen) <= app.MaxProfileElements {
				k.Werkprocessen = append(k.Werkprocessen, &app.Werkproces{ID: app.NewID(), Title: "w"})
			}
		}, "10.002 onderdelen"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := app.ParseBundle(withProfile(t, c.change))
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("accepted")
			}
			wellShown(t, err)
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("message %q lacks %q", err, c.want)
			}
		})
	}
}

// A file Notepad saved (with a byte-order mark) is read like any other.
func TestByteOrderMarkIsAccepted(t *testing.T) {
	data := append([]byte("\xEF\xBB\xBF"), strings.Replace(minimal, "%s", "", 1)...)
	b, err := app.DecodeBundle(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if b.Profiles[0].Title != "Test" {
		t.Errorf("read %+v", b.Profiles[0])
	}
}

// What a user put in a file reaches a message cut short and without
// control characters; the decoder's English does not reach it at all.
func TestMessagesShowUserTextSafely(t *testing.T) {
	cases := map[string]string{
		"unknown field":   `{"formaat": "bcp-editor", "versie": 1, "` + strings.Repeat("veld", 1<<20) + `": 1}`,
		"long bad id":     strings.Replace(strings.Replace(minimal, "%s", "", 1), "22222222-2222-4222-8222-222222222222", strings.Repeat("a", 1<<20), 1),
		"escape in title": strings.Replace(strings.Replace(minimal, "%s", "", 1), `"status": "concept"`, `"status": "\u001b[31mrood"`, 1),
		"long status":     strings.Replace(strings.Replace(minimal, "%s", "", 1), `"status": "concept"`, `"status": "`+strings.Repeat("z", 1<<20)+`"`, 1),
	}
	for name, input := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := app.ParseBundle([]byte(input))
			if err == nil {
				t.Fatal("accepted")
			}
			wellShown(t, err)
		})
	}
	_, err := app.ParseBundle([]byte(cases["unknown field"]))
	if !strings.Contains(err.Error(), "onbekend veld") {
		t.Errorf("message %q", err)
	}
}
