package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/export"
	"bcpeditor/assets"
)

// Every string the interface passes to lang.L must be in both translation
// files: Dutch (which also silences Fyne's "translation failure" log) and
// English.
func TestEveryStringIsTranslated(t *testing.T) {
	keys := map[string]bool{}
	for _, dir := range []string{".", "../../widgets"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			node, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(node, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "L" {
					return true
				}
				if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
					return true
				}
				if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					keys[s] = true
				}
				return true
			})
		}
	}
	// Strings that reach lang.L through a variable.
	for _, s := range []app.Status{app.StatusConcept, app.StatusGeaccordeerd, app.StatusVastgesteld} {
		keys[string(s)] = true
	}
	for _, a := range []app.Aansluiting{app.AansluitingGoed, app.AansluitingGedeeltelijk, app.AansluitingOnvoldoende, app.AansluitingNietBeoordeeld} {
		keys[a.Label()] = true
	}
	for _, k := range []app.Kind{app.KindSectie, app.KindLijst, app.KindLijstItem, app.KindTrend, app.KindKerntaak, app.KindWerkproces,
		app.KindRol, app.KindWerkzaamheid, app.KindCompetentie, app.KindResultaat, app.KindKennis, app.KindVaardigheid, app.KindKennisVaardigheid} {
		keys[k.Label()] = true
	}
	for _, st := range []string{"gewijzigd", "nieuw", "vervallen", "verplaatst", "ongewijzigd"} {
		keys[st] = true
	}
	for _, f := range export.Formats {
		keys[f.Label] = true
	}
	for _, k := range searchKinds {
		keys[k.label] = true
	}
	if len(keys) < 20 {
		t.Fatalf("found only %d strings; is the scan broken?", len(keys))
	}
	for _, language := range []string{"nl", "en"} {
		data, err := assets.Translation(language)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s.json: %v", language, err)
		}
		for k := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("%s.json lacks %q", language, k)
			}
		}
	}
}

// Dutch first: only an English system gets English; an unset or C locale
// is not a choice for English.
func TestSystemLanguage(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"LANGUAGE": "en_GB:en", "LANG": "nl_NL.UTF-8"}, true},
		{map[string]string{"LANG": "en_US.UTF-8"}, true},
		{map[string]string{"LANG": "nl_NL.UTF-8"}, false},
		{map[string]string{"LANG": "de_DE.UTF-8"}, false},
		{map[string]string{}, false},
	} {
		for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
			t.Setenv(v, c.env[v])
		}
		if got := systemIsEnglish(); got != c.want {
			t.Errorf("%v: English %v, want %v", c.env, got, c.want)
		}
	}
}
